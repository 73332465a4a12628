/// The Python program behind `LoopbackHTTPServer`: a threaded HTTP/1.1 file server bound to
/// 127.0.0.1 that honours byte ranges (so `curl -C -` resumes), logs every request, and reads a
/// control file on each request so a test can make a path stall, reset, fail or arrive tampered.
enum LoopbackHTTPServerScript {
    static let source = #"""
        import http.server, json, os, socket, struct, sys, time

        root, port_file, log_file, control_file = sys.argv[1:5]
        real_root = os.path.realpath(root)


        def control():
            try:
                with open(control_file) as f:
                    return json.load(f)
            except (OSError, ValueError):
                return {}


        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_HEAD(self):
                self.serve(head=True)

            def do_GET(self):
                self.serve(head=False)

            def reply(self, code, body=b"", headers=()):
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def serve(self, head):
                path = self.path.split("?", 1)[0]
                with open(log_file, "a") as log:
                    log.write("%s %s %s\n" % (self.command, path, self.headers.get("Range", "-")))
                faults = control()
                if path in faults.get("stall", []):
                    time.sleep(3600)
                    return
                status = faults.get("status", {}).get(path)
                if status:
                    return self.reply(int(status), b"scripted failure\n")
                full = os.path.realpath(os.path.join(root, path.lstrip("/")))
                if not full.startswith(real_root + os.sep) or not os.path.isfile(full):
                    return self.reply(404, b"not found\n")
                with open(full, "rb") as f:
                    data = bytearray(f.read())
                if path in faults.get("tamper", []):
                    if data:
                        data[len(data) // 2] ^= 0x01
                    else:
                        data = bytearray(b"x")
                start, end, code = 0, len(data) - 1, 200
                wanted = self.headers.get("Range", "")
                if wanted.startswith("bytes="):
                    first, _, last = wanted[6:].partition("-")
                    start = int(first or 0)
                    end = min(int(last), len(data) - 1) if last else len(data) - 1
                    if start >= len(data):
                        return self.reply(416, b"", [("Content-Range", "bytes */%d" % len(data))])
                    code = 206
                body = bytes(data[start:end + 1])
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Accept-Ranges", "bytes")
                if code == 206:
                    self.send_header("Content-Range", "bytes %d-%d/%d" % (start, end, len(data)))
                self.end_headers()
                if head:
                    return
                if path in faults.get("reset", []):
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    return
                rate = faults.get("slow", {}).get(path)
                if rate:
                    for i in range(0, len(body), max(1, int(rate) // 10)):
                        self.wfile.write(body[i:i + max(1, int(rate) // 10)])
                        self.wfile.flush()
                        time.sleep(0.1)
                else:
                    self.wfile.write(body)


        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True


        server = Server(("127.0.0.1", 0), Handler)
        with open(port_file + ".tmp", "w") as f:
            f.write(str(server.server_address[1]))
        os.rename(port_file + ".tmp", port_file)
        server.serve_forever()
        """#
}
