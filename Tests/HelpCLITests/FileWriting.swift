#if canImport(Glibc)
import Glibc
#endif
import HelpSystem

/// Writes `text` to `path` (creating or replacing it), for setting up fixture files in tests.
func writeFile(_ path: String, _ text: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw HelpError.io("cannot create \(path)") }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count else { throw HelpError.io("short write to \(path)") }
}
