#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Small, bounded looks at the network for `help run`: whether a port is free to listen on,
/// whether a server accepts connections, and the status line of one HTTP GET. Raw sockets with
/// timeouts on every step, so no probe can hang the run and no curl is needed.
public enum NetworkProbe {
    // MARK: - Ports

    /// True when a server could listen on `host:port` now: a test bind with SO_REUSEADDR, as
    /// uvicorn binds, so a port in TIME_WAIT counts as free.
    public static func isPortFree(host: String, port: Int) -> Bool {
        let addresses = resolve(host: host, port: port, passive: true)
        guard !addresses.isEmpty else { return false }
        for address in addresses {
            let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            let bound = address.bytes.withUnsafeBytes {
                bind(fd, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
            }
            if bound != 0 { return false }
        }
        return true
    }

    // MARK: - Connecting

    /// True when something accepts a TCP connection on `host:port` within `timeout` seconds.
    public static func canConnect(host: String, port: Int, timeout: Double) -> Bool {
        guard let fd = connect(host: host, port: port, timeout: timeout) else { return false }
        close(fd)
        return true
    }

    /// True when something accepts a connection on the Unix socket at `path` (PostgreSQL's
    /// `<folder>/.s.PGSQL.<port>`).
    public static func canConnect(unixSocket path: String) -> Bool {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }

    // MARK: - HTTP

    /// The status code of `GET path` on `host:port` (HTTP/1.1, `Connection: close`), or nil when
    /// nothing answers with a status line within `timeout` seconds in all.
    public static func httpStatus(host: String, port: Int, path: String, timeout: Double) -> Int? {
        let deadline = MonotonicTime.now().adding(seconds: timeout)
        guard let fd = connect(host: host, port: port, timeout: timeout) else { return nil }
        defer { close(fd) }
        let hostHeader = (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        let request = Array(
            "GET \(path) HTTP/1.1\r\nHost: \(hostHeader)\r\nUser-Agent: help\r\nAccept: */*\r\nConnection: close\r\n\r\n"
                .utf8)
        var sent = 0
        while sent < request.count {
            guard wait(fd, for: Int16(POLLOUT), until: deadline) else { return nil }
            let count = request.withUnsafeBytes {
                send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else { return nil }
            sent += count
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while !response.contains(0x0A) && response.count < 8192 {
            guard wait(fd, for: Int16(POLLIN), until: deadline) else { return nil }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else { break }
            response += buffer[..<count]
        }
        return statusCode(in: response)
    }

    /// `200` from `HTTP/1.1 200 OK`.
    static func statusCode(in response: [UInt8]) -> Int? {
        let line = String(decoding: response.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0].hasPrefix("HTTP/"), let code = Int(words[1]), (100...599).contains(code) else {
            return nil
        }
        return code
    }

    // MARK: - Sockets

    /// A resolved socket address: its family and the raw `sockaddr` bytes.
    struct Address {
        var family: Int32
        var bytes: [UInt8]
    }

    /// The addresses of `host` (IPv4 first), numeric service, stream sockets.
    static func resolve(host: String, port: Int, passive: Bool = false) -> [Address] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var result: [Address] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                let bytes = Array(UnsafeRawBufferPointer(start: address, count: Int(entry.pointee.ai_addrlen)))
                if !result.contains(where: { $0.bytes == bytes }) {
                    result.append(Address(family: entry.pointee.ai_family, bytes: bytes))
                }
            }
            cursor = entry.pointee.ai_next
        }
        return result.filter { $0.family == AF_INET } + result.filter { $0.family != AF_INET }
    }

    /// A connected non-blocking socket to the first address of `host` that answers in time.
    static func connect(host: String, port: Int, timeout: Double) -> Int32? {
        let deadline = MonotonicTime.now().adding(seconds: timeout)
        for address in resolve(host: host, port: port) {
            let fd = socket(
                address.family,
                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard fd >= 0 else { continue }
            let started = address.bytes.withUnsafeBytes {
                Glibc.connect(fd, $0.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
            }
            if started == 0 { return fd }
            if errno == EINPROGRESS, wait(fd, for: Int16(POLLOUT), until: deadline) {
                var failure: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                if getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length) == 0 && failure == 0 { return fd }
            }
            close(fd)
        }
        return nil
    }

    /// Waits until `fd` is ready for `events` or the deadline passes.
    private static func wait(_ fd: Int32, for events: Int16, until deadline: MonotonicTime) -> Bool {
        while true {
            let now = MonotonicTime.now()
            guard now < deadline else { return false }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let millis = Int32(max(1, min(Double(Int32.max), (deadline.seconds(since: now) * 1000).rounded(.up))))
            let ready = poll(&entry, 1, millis)
            if ready < 0 && errno == EINTR { continue }
            return ready > 0 && entry.revents & (events | Int16(POLLERR) | Int16(POLLHUP)) != 0
        }
    }
}
