/// Finds the ASGI application of a Python component: a module-level `name = FastAPI(` assignment,
/// reported as `module:name` for uvicorn. The scan is kept cheap: a few folder levels, a bounded
/// number of files, tests, virtualenvs and migrations left out, and a byte search before any line is
/// looked at.
enum ASGIAppFinder {
    /// Where the app was found.
    struct Found: Equatable {
        /// `app.main:app`, relative to `appDirectory`.
        var reference: String
        /// The file it was found in, relative to the component.
        var file: String
        /// `src` for a src-layout component (uvicorn then needs `--app-dir src`), else nil.
        var appDirectory: String?
    }

    static let maximumDepth = 4
    static let maximumFiles = 400
    static let maximumFileSize = 512 << 10
    /// Folders that never hold the app.
    static let skippedFolders: Set<String> = ["tests", "test", "migrations", "alembic", "docs", "scripts"]

    /// Looks under `folder` (absolute) breadth-first: files of a level before its subfolders, names
    /// in sorted order, so `main.py` at the top wins over one deeper down. A subfolder with a
    /// project file of its own is another component and is not entered.
    static func find(in folder: String) -> Found? {
        var level: [String] = [""]
        var filesRead = 0
        for _ in 0...maximumDepth {
            var next: [String] = []
            for relative in level {
                let entries = FileProbe.entries(in: FileProbe.join(folder, relative))
                if !relative.isEmpty && holdsProjectFile(entries) { continue }
                for entry in entries {
                    let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                    if entry.isDirectory {
                        if !isSkipped(entry.name) { next.append(path) }
                        continue
                    }
                    guard entry.name.hasSuffix(".py"), !entry.name.hasPrefix("test_"),
                        !entry.name.hasSuffix("_test.py"),
                        entry.name != "conftest.py"
                    else {
                        continue
                    }
                    filesRead += 1
                    if filesRead > maximumFiles { return nil }
                    guard let bytes = FileProbe.read(FileProbe.join(folder, path), limit: maximumFileSize),
                        let name = assignedName(in: bytes)
                    else { continue }
                    return found(name: name, file: path)
                }
            }
            level = next
        }
        return nil
    }

    private static func holdsProjectFile(_ entries: [FileProbe.Entry]) -> Bool {
        let names = Set(entries.filter { !$0.isDirectory }.map(\.name))
        return PythonInspector.isProject(names) || names.contains("package.json") || names.contains("Package.swift")
    }

    private static func isSkipped(_ name: String) -> Bool {
        name.hasPrefix(".") || ComponentDetector.ignoredFolders.contains(name) || skippedFolders.contains(name)
            || name.hasSuffix(".egg-info")
    }

    private static func found(name: String, file: String) -> Found {
        var parts = file.dropLast(3).split(separator: "/").map(String.init)
        var appDirectory: String?
        if parts.count > 1 && parts[0] == "src" {
            parts.removeFirst()
            appDirectory = "src"
        }
        if parts.count > 1 && parts.last == "__init__" { parts.removeLast() }
        return Found(reference: parts.joined(separator: ".") + ":" + name, file: file, appDirectory: appDirectory)
    }

    // MARK: - Reading one file

    private static let marker = Array("FastAPI(".utf8)

    /// The name bound by the first module-level `name = FastAPI(` (or `name: FastAPI = FastAPI(`,
    /// `name = fastapi.FastAPI(`) in the file, if any.
    static func assignedName(in bytes: [UInt8]) -> String? {
        guard contains(bytes, marker) else { return nil }
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if let name = assignment(bytes[lineStart..<lineEnd]) { return name }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// `identifier [: annotation] = [module.]FastAPI(` at column 0.
    private static func assignment(_ line: ArraySlice<UInt8>) -> String? {
        guard let first = line.first, isIdentifierStart(first) else { return nil }
        var index = line.startIndex
        while index < line.endIndex && isIdentifierPart(line[index]) { index += 1 }
        let name = String(decoding: line[line.startIndex..<index], as: UTF8.self)
        guard let equals = line[index...].firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let between = line[index..<equals]
        // Either nothing or a type annotation may stand between the name and `=`.
        guard
            between.allSatisfy({ $0 == 0x20 || $0 == 0x09 })
                || between.first(where: { $0 != 0x20 }) == UInt8(ascii: ":")
        else { return nil }
        guard equals + 1 < line.endIndex, line[equals + 1] != UInt8(ascii: "=") else { return nil }
        var call = line[(equals + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
        while let dot = call.firstIndex(of: UInt8(ascii: ".")), dot < call.endIndex,
            call[call.startIndex..<dot].allSatisfy(isIdentifierPart)
        {
            call = call[(dot + 1)...]
        }
        return call.starts(with: marker) ? name : nil
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
