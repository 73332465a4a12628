import HelpSystem

/// Which test files of a Python component can be affected by a set of changed files, by a static
/// scan of `import` statements (transitively). When that cannot be decided safely (a conftest.py or
/// a non-Python file changed, a module loads others dynamically) the answer is the whole suite,
/// with the reason.
public enum PythonTestImpact {
    /// The decision: run these test files, or everything because of `reason`.
    public enum Decision: Sendable, Equatable {
        case files([String])
        case wholeSuite(reason: String)
    }

    /// `sources`: every Python file of the component (relative path -> text); `changed`: changed
    /// files relative to the component.
    public static func decide(changed: [String], sources: [String: String]) -> Decision {
        for path in changed {
            if !path.hasSuffix(".py") { return .wholeSuite(reason: "\(path) is not a Python module") }
            if path.hasSuffix("conftest.py") { return .wholeSuite(reason: "\(path) configures every test") }
        }
        var importers: [String: Set<String>] = [:]
        var dynamic: Set<String> = []
        for (path, text) in sources {
            let scan = imports(of: text, in: moduleName(path), isPackage: path.hasSuffix("__init__.py"))
            if scan.dynamic { dynamic.insert(path) }
            for module in scan.modules {
                // `from a.b import c` depends on a.b, and on a.b.c when that is a module; parents too.
                var parts = module.split(separator: ".").map(String.init)
                while !parts.isEmpty {
                    importers[parts.joined(separator: "."), default: []].insert(path)
                    parts.removeLast()
                }
            }
        }
        var affected = Set(changed.filter { sources[$0] != nil || isTest($0) })
        var queue = Array(affected)
        while let path = queue.popLast() {
            if dynamic.contains(path) && !isTest(path) {
                return .wholeSuite(reason: "\(path) imports modules dynamically")
            }
            // Fixtures in a conftest.py reach tests without an import: unsafe to narrow.
            if path.hasSuffix("conftest.py") {
                return .wholeSuite(reason: "\(path) imports a changed module")
            }
            for importer in importers[moduleName(path)] ?? [] where !affected.contains(importer) {
                affected.insert(importer)
                queue.append(importer)
            }
        }
        return .files(affected.filter(isTest).sorted())
    }

    /// pytest's default test file names.
    public static func isTest(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".py") && (name.hasPrefix("test_") || name.hasSuffix("_test.py"))
    }

    /// `src/pkg/mod.py` -> `pkg.mod`; `pkg/__init__.py` -> `pkg`.
    public static func moduleName(_ path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        if parts.first == "src" && parts.count > 1 { parts.removeFirst() }
        if let last = parts.last {
            parts[parts.count - 1] = String(last.dropLast(3))
            if parts.last == "__init__" { parts.removeLast() }
        }
        return parts.joined(separator: ".")
    }

    /// The absolute module names a file imports, and whether it imports dynamically.
    static func imports(of text: String, in module: String, isPackage: Bool) -> (modules: [String], dynamic: Bool) {
        var modules: [String] = []
        var dynamic = false
        for raw in text.split(separator: "\n") {
            let line = raw.drop(while: { $0 == " " || $0 == "\t" })
            if line.contains("importlib.import_module") || line.contains("__import__(") { dynamic = true }
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let first = words.first else { continue }
            if first == "import" {
                for name in words.dropFirst().joined(separator: " ").split(separator: ",") {
                    if let module = name.split(separator: " ").first { modules.append(String(module)) }
                }
            } else if first == "from", words.count >= 4, words[2] == "import" {
                let base = resolve(words[1], from: module, isPackage: isPackage)
                modules.append(base)
                for name in words.dropFirst(3).joined(separator: " ").split(separator: ",") {
                    let clean = name.trimmingCharacters(in: " ()\\")
                    if let word = clean.split(separator: " ").first, word != "*" { modules.append(base + "." + word) }
                }
            }
        }
        return (modules, dynamic)
    }

    /// `.x` / `..x` relative to `module`'s package.
    static func resolve(_ name: String, from module: String, isPackage: Bool) -> String {
        let dots = name.prefix(while: { $0 == "." }).count
        guard dots > 0 else { return name }
        var package = module.split(separator: ".").map(String.init)
        if !isPackage { package = Array(package.dropLast()) }
        package = Array(package.dropLast(max(0, dots - 1)))
        let rest = name.dropFirst(dots)
        return (package + (rest.isEmpty ? [] : [String(rest)])).joined(separator: ".")
    }
}
