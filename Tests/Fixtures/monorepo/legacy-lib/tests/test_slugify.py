import iniconfig

from legacy_lib import slugify


def test_words_are_joined_by_dashes():
    assert slugify("Hello, World!") == "hello-world"


def test_runtime_dependency_is_importable():
    assert iniconfig.IniConfig
