import HelpCache
import HelpProject
import HelpSystem

/// Checks a component's fresh artifacts before they count: file names carry the name and version,
/// Python metadata matches pyproject.toml, every wheel RECORD hash matches its file, an npm tarball's
/// package.json names the package and version, and `twine check` passes when twine is installed.
/// Returns the problems found, one line each; empty means valid.
struct ArtifactValidator {
    let runner: any ProcessRunner
    /// The interpreter that opens wheels (its `zipfile`); the component environment's when there is one.
    let python: String
    /// A scratch folder for unpacking, removed afterwards.
    let scratch: String

    func problems(component: Component, folder: String, files: [String], directory: String, version: String?) throws
        -> [String]
    {
        guard !files.isEmpty else { return ["no artifact was produced"] }
        switch component.kind {
        case .python: return try python(files: files, directory: directory, folder: folder)
        case .node: return try node(files: files, directory: directory, folder: folder)
        case .swift:
            let product = BuildPlanner.product(of: component)
            return files.filter { !$0.hasPrefix(product + "-" + (version ?? "") + "-") }
                .map { "\($0): file name does not carry \(product) and version \(version ?? "?")" }
        }
    }

    // MARK: - Python

    func python(files: [String], directory: String, folder: String) throws -> [String] {
        let pyproject = try ComponentVersion.pyproject(at: folder + "/pyproject.toml")
        let name = PackageMetadata.fileName(pyproject.name ?? "")
        var problems: [String] = []
        let wheels = files.filter { $0.hasSuffix(".whl") }
        let sdists = files.filter { $0.hasSuffix(".tar.gz") }
        if wheels.isEmpty { problems.append("no wheel was produced") }
        if sdists.isEmpty { problems.append("no sdist was produced") }
        for file in files {
            // A wheel's version sits between the first two dashes; the sdist's between the name and `.tar.gz`.
            let base = file.hasSuffix(".whl") ? String(file.dropLast(4)) : String(file.dropLast(7))
            let parts = base.split(separator: "-", maxSplits: 2).map(String.init)
            guard parts.count >= 2, parts[0].lowercased() == name else {
                problems.append("\(file): file name does not start with \(name)-")
                continue
            }
            if let version = pyproject.version, parts[1] != PackageMetadata.normalized(version).replacingDashes {
                problems.append("\(file): file name carries version \(parts[1]), pyproject.toml says \(version)")
            }
        }
        for wheel in wheels { problems += try checkWheel(directory + "/" + wheel, file: wheel, pyproject: pyproject) }
        for sdist in sdists {
            let member = String(sdist.dropLast(7)) + "/PKG-INFO"
            let result = try runner.run(Command("tar", ["-xzOf", directory + "/" + sdist, member], timeout: 120))
            guard result.succeeded else {
                problems.append("\(sdist): no \(member) inside")
                continue
            }
            problems += PackageMetadata(text: result.stdout).mismatches(with: pyproject, file: sdist)
        }
        if problems.isEmpty, runner.locate("twine") != nil {
            let paths = files.map { directory + "/" + $0 }
            let result = try runner.run(Command("twine", ["check", "--strict"] + paths, timeout: 300))
            if !result.succeeded {
                problems.append("twine check failed" + StepRunner.tail(result, lines: 3))
            }
        }
        return problems
    }

    /// Unpacks the wheel with the interpreter's `zipfile`, then compares METADATA with pyproject.toml
    /// and hashes every RECORD entry ourselves.
    func checkWheel(_ path: String, file: String, pyproject: PyProject) throws -> [String] {
        let fs = FileSystem()
        let target = scratch + "/" + file
        try fs.remove(target)
        defer { try? fs.remove(target) }
        let unzip = try runner.run(
            Command(
                python,
                [
                    "-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", path, target,
                ], timeout: 300))
        guard unzip.succeeded else { return ["\(file): not a readable zip" + StepRunner.tail(unzip, lines: 1)] }
        guard let info = try fs.listDirectory(target).first(where: { $0.name.hasSuffix(".dist-info") }) else {
            return ["\(file): no .dist-info folder"]
        }
        let infoFolder = target + "/" + info.name
        let metadata = PackageMetadata(text: try fs.readText(infoFolder + "/METADATA"))
        var problems = metadata.mismatches(with: pyproject, file: file)
        let record = try fs.readText(infoFolder + "/RECORD")
        for line in record.split(separator: "\n") where !line.isEmpty {
            // RECORD lines are CSV: path,sha256=<urlsafe base64>,size; paths with commas are quoted.
            let fields = WheelRecord.fields(String(line))
            guard fields.count == 3, !fields[1].isEmpty else { continue }
            guard fields[1].hasPrefix("sha256=") else {
                problems.append("\(file): RECORD uses \(fields[1].prefix { $0 != "=" }) for \(fields[0]), not sha256")
                continue
            }
            let member = target + "/" + fields[0]
            guard !fields[0].contains(".."), fs.exists(member) else {
                problems.append("\(file): RECORD lists \(fields[0]), which is not in the wheel")
                continue
            }
            let actual = "sha256=" + SecretGenerator.base64URL(try FileHasher.hash(path: member).bytes)
            if actual != fields[1] {
                problems.append("\(file): RECORD hash of \(fields[0]) does not match its contents")
            }
        }
        return problems
    }

    // MARK: - Node

    func node(files: [String], directory: String, folder: String) throws -> [String] {
        let manifest = try JSONValue.parse(try FileSystem().readText(folder + "/package.json"), source: "package.json")
        let name = manifest["name"]?.string ?? ""
        let version = manifest["version"]?.string ?? ""
        let expected = name.replacingOccurrencesOfScope + "-" + version + ".tgz"
        var problems: [String] = []
        for file in files {
            if file != expected { problems.append("\(file): expected \(expected) (name and version of package.json)") }
            let read = Command("tar", ["-xzOf", directory + "/" + file, "package/package.json"], timeout: 120)
            let result = try runner.run(read)
            guard result.succeeded, let packed = try? JSONValue.parse(result.stdout, source: file) else {
                problems.append("\(file): no readable package/package.json inside")
                continue
            }
            if packed["name"]?.string != name || packed["version"]?.string != version {
                problems.append(
                    "\(file): holds \(packed["name"]?.string ?? "?")@\(packed["version"]?.string ?? "?"), "
                        + "package.json says \(name)@\(version)")
            }
        }
        return problems
    }
}

/// Reading lines of a wheel's RECORD file.
enum WheelRecord {
    /// The CSV fields of one line (double quotes group, `""` is a quote).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var characters = Array(line.hasSuffix("\r") ? String(line.dropLast()) : line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        current.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}

extension String {
    /// npm's tarball spelling of a package name: `@scope/name` → `scope-name`.
    var replacingOccurrencesOfScope: String {
        String((hasPrefix("@") ? dropFirst() : self[...]).map { $0 == "/" ? "-" : $0 })
    }
}
