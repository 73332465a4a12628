import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the configuration template for an environment name. A project's own files win: the
/// component's `Templates/env/` then `config/`, then the same two folders at the project root;
/// then the `Templates/env/` shipped with `help` (beside a checkout's build, or
/// `../share/help/Templates` of an installation); last the copy compiled into the binary. In each
/// folder the file is `NAME.env` or plain `NAME`.
public struct TemplateLocator: Sendable {
    /// The `help` executable's own path (from /proc/self/exe); nil when unknown.
    public var executablePath: String?
    /// Whether a regular file exists at a path; tests hand in their own.
    public var isFile: @Sendable (String) -> Bool
    /// Reads a file's text.
    public var readText: @Sendable (String) -> String?

    /// The environment names `help` ships templates for.
    public static let builtInNames = EmbeddedEnvTemplates.names

    /// A locator for the running binary, reading the real disk.
    public init(executablePath: String? = TemplateLocator.currentExecutable()) {
        self.init(
            executablePath: executablePath, isFile: { FileProbe.isFile($0) },
            readText: { FileProbe.readText($0, limit: 1 << 20) })
    }

    /// A locator with its own view of the disk.
    public init(
        executablePath: String?, isFile: @escaping @Sendable (String) -> Bool,
        readText: @escaping @Sendable (String) -> String?
    ) {
        self.executablePath = executablePath
        self.isFile = isFile
        self.readText = readText
    }

    // MARK: - Finding

    /// The template `name` for the component in `componentFolder` of the project at `root`.
    /// An unknown name is a usage error listing what exists.
    public func template(named name: String, componentFolder: String, root: String) throws -> EnvTemplate {
        guard Self.isValidName(name) else {
            throw HelpError.usage(
                "\(JSONValue.quoted(name)) is not an environment name",
                hint: "use letters, digits, '-' and '_', such as development")
        }
        for (folder, origin) in projectFolders(componentFolder: componentFolder, root: root) {
            if let found = file(named: name, in: folder) { return try load(found, name: name, origin: origin) }
        }
        if let tool = toolTemplatesDirectory(), let found = file(named: name, in: tool + "/env") {
            return try load(found, name: name, origin: .tool)
        }
        if let text = EmbeddedEnvTemplates.text(named: name) {
            return try EnvTemplate.parse(text, source: EnvTemplateSource(name: name, origin: .builtIn, path: nil))
        }
        let folders = projectFolders(componentFolder: componentFolder, root: root).map { Self.relative($0.0, to: root) }
        throw HelpError.usage(
            "no configuration template named \(JSONValue.quoted(name))",
            hint: "use one of \(Self.builtInNames.joined(separator: ", ")), or add \(name).env to one of: "
                + folders.joined(separator: ", "))
    }

    /// The folders a project may keep templates in, most specific first.
    public func projectFolders(componentFolder: String, root: String) -> [(String, EnvTemplateSource.Origin)] {
        var folders: [(String, EnvTemplateSource.Origin)] = []
        if componentFolder != root {
            folders += [(componentFolder + "/Templates/env", .component), (componentFolder + "/config", .component)]
        }
        folders += [(root + "/Templates/env", .project), (root + "/config", .project)]
        return folders
    }

    /// The `Templates` folder shipped with `help`: `<repo>/Templates` when the binary sits in a
    /// checkout's `.build` folder, else `<prefix>/share/help/Templates` beside `<prefix>/bin/help`.
    public func toolTemplatesDirectory() -> String? {
        guard let executablePath, let binFolder = Self.parent(executablePath) else { return nil }
        if let prefix = Self.parent(binFolder) {
            let installed = prefix + "/share/help/Templates"
            if hasEnvTemplates(installed) { return installed }
        }
        // A checkout: <repo>/.build/<triple>/release/help, or <repo>/.build/release/help.
        var folder: String? = binFolder
        for _ in 0..<4 {
            guard let current = folder else { break }
            if FileProbe.baseName(current) == ".build", let repository = Self.parent(current) {
                let templates = repository + "/Templates"
                return hasEnvTemplates(templates) ? templates : nil
            }
            folder = Self.parent(current)
        }
        return nil
    }

    // MARK: - Helpers

    private func hasEnvTemplates(_ folder: String) -> Bool {
        EmbeddedEnvTemplates.names.contains { file(named: $0, in: folder + "/env") != nil }
    }

    private func file(named name: String, in folder: String) -> String? {
        [folder + "/" + name + ".env", folder + "/" + name].first(where: isFile)
    }

    private func load(_ path: String, name: String, origin: EnvTemplateSource.Origin) throws -> EnvTemplate {
        guard let text = readText(path) else { throw HelpError.io("cannot read the template \(path)") }
        return try EnvTemplate.parse(text, source: EnvTemplateSource(name: name, origin: origin, path: path))
    }

    /// Letters, digits, `-` and `_`, not starting with `-`: a name that is safe as a file name.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "-" else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "-" || scalar == "_"
        }
    }

    private static func parent(_ path: String) -> String? {
        FileProbe.parent(of: path)
    }

    private static func relative(_ path: String, to root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    /// The running binary's path, resolved by the kernel (symlinks followed).
    public static func currentExecutable() -> String? {
        #if canImport(Darwin)
            var size = UInt32(PATH_MAX) + 1
            var raw = [CChar](repeating: 0, count: Int(size))
            guard _NSGetExecutablePath(&raw, &size) == 0, let real = realpath(raw, nil) else { return nil }
            defer { free(real) }
            return String(cString: real)
        #else
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            guard count > 0 else { return nil }
            return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #endif
    }
}
