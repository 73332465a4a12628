"""Password hashing with the standard library (scrypt), so the fixture needs no extra package."""

import hashlib
import hmac
import os


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return salt.hex() + "$" + digest.hex()


def verify_password(password: str, hashed: str) -> bool:
    salt, _, digest = hashed.partition("$")
    computed = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1)
    return hmac.compare_digest(computed.hex(), digest)
