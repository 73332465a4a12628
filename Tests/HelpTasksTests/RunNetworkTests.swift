import HelpTestSupport
import Testing

@testable import HelpSystem
@testable import HelpTasks

#if canImport(Glibc)
    import Glibc
#endif

/// The socket probes of `help run`, against listeners this test opens on 127.0.0.1.
@Suite("Run network probes", .serialized)
struct RunNetworkTests {
    /// A listening socket on 127.0.0.1 with a kernel-chosen port; answers each connection with
    /// `reply` (when given) from its own thread, then closes.
    final class Listener: @unchecked Sendable {
        let fd: Int32
        let port: Int
        private let done = Completion<Void>()

        init(reply: String?) throws {
            let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listening, $0, length) }
            }
            guard bound == 0, listen(listening, 8) == 0 else { throw HelpError("cannot listen") }
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listening, $0, &length) }
            }
            fd = listening
            port = Int(UInt16(bigEndian: address.sin_port))
            guard let reply else { return }
            let done = self.done
            NativeThread.detach(name: "test-listener") {
                let client = accept(listening, nil, nil)
                if client >= 0 {
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    _ = read(client, &buffer, buffer.count)
                    _ = Array(reply.utf8).withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
                    Glibc.close(client)
                }
                done.complete(())
            }
        }

        func close() {
            shutdown(fd, Int32(SHUT_RDWR))
            Glibc.close(fd)
        }
    }

    @Test("a port something listens on is taken; after it closes it is free again")
    func portFree() throws {
        let listener = try Listener(reply: nil)
        #expect(!NetworkProbe.isPortFree(host: "127.0.0.1", port: listener.port))
        #expect(NetworkProbe.canConnect(host: "127.0.0.1", port: listener.port, timeout: 2))
        listener.close()
        #expect(NetworkProbe.isPortFree(host: "127.0.0.1", port: listener.port))
        #expect(!NetworkProbe.canConnect(host: "127.0.0.1", port: listener.port, timeout: 1))
    }

    @Test("an HTTP GET reads the status line; a server that never answers gives nil within the timeout")
    func httpStatus() throws {
        let answering = try Listener(reply: "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
        defer { answering.close() }
        #expect(NetworkProbe.httpStatus(host: "127.0.0.1", port: answering.port, path: "/health", timeout: 5) == 204)
        let silent = try Listener(reply: nil)
        defer { silent.close() }
        #expect(NetworkProbe.httpStatus(host: "127.0.0.1", port: silent.port, path: "/", timeout: 0.3) == nil)
    }

    @Test("status lines are read from the first line only, and only when well formed")
    func statusLines() {
        #expect(NetworkProbe.statusCode(in: Array("HTTP/1.1 503 Service Unavailable\r\n".utf8)) == 503)
        #expect(NetworkProbe.statusCode(in: Array("HTTP/1.0 200\n".utf8)) == 200)
        #expect(NetworkProbe.statusCode(in: Array("SSH-2.0-OpenSSH\r\n".utf8)) == nil)
        #expect(NetworkProbe.statusCode(in: Array("HTTP/1.1 999 Odd\r\n".utf8)) == nil)
    }

    @Test("/proc stat lines give the process group even when the name holds spaces and parentheses")
    func statFields() {
        let line = Array("1234 (python (worker) x) S 1200 1210 1210 0 -1".utf8)
        #expect(ProcessGroupMembers.fields(ofStatLine: line)?.group == 1210)
        #expect(ProcessGroupMembers.fields(ofStatLine: line)?.state == "S")
        #expect(ProcessGroupMembers.pids(inGroup: getpgrp()).contains(getpid()))
    }

    @Test("a second run lock in the same project is refused with exit 75 naming the owner")
    func runLock() throws {
        let folder = TempDir(prefix: "help-lock")
        let first = try RunLock.acquire(root: folder.path)
        do {
            _ = try RunLock.acquire(root: folder.path)
            Issue.record("no error")
        } catch let error as HelpError {
            #expect(error.code == .tempFailure && error.message.contains("pid \(getpid())"))
        }
        first.release()
        let again = try RunLock.acquire(root: folder.path)
        again.release()
    }
}
