import HelpSystem

/// How a Swift executable becomes `<product>-<version>-<os>-<arch>.tar.gz`: a stripped copy of the
/// binary (the original in `.build` stays as SwiftPM linked it, so the next incremental build is
/// not confused) packed with `tar` as `bin/<product>` plus `share/help/Templates/` when there are
/// templates, with fixed owners, order and times so the same binary gives the same tarball.
/// `help build` and the installer's end-to-end test both pack through here.
public struct ReleaseTarball: Sendable, Equatable {
    public var product: String
    /// The linked binary to ship.
    public var binary: String
    /// A `Templates` folder to ship beside it; nil for none.
    public var templates: String?
    /// Where the tarball (and the hidden stripped copy) go.
    public var staging: String
    public var name: String

    public init(product: String, binary: String, templates: String?, staging: String, name: String) {
        self.product = product
        self.binary = binary
        self.templates = templates
        self.staging = staging
        self.name = name
    }

    /// The stripped copy, hidden in the staging folder so it is not taken for an artifact.
    public var strippedBinary: String { staging + "/." + product }

    public var path: String { staging + "/" + name }

    /// `strip -o` into the staging folder, then `tar`.
    public var commands: [Command] {
        let strip = Command("strip", ["-o", strippedBinary, binary], workingDirectory: staging, timeout: 600)
        var arguments = [
            "-czf", path, "--owner=0", "--group=0", "--numeric-owner", "--sort=name", "--mtime=@0",
            "--transform", "s,^\\.\(product)$,bin/\(product),;s,^Templates,share/help/Templates,",
            "-C", staging, "." + product,
        ]
        if let templates, let slash = templates.lastIndex(of: "/") {
            arguments += ["-C", String(templates[..<slash]), String(templates[templates.index(after: slash)...])]
        }
        return [strip, Command("tar", arguments, workingDirectory: staging, timeout: 600)]
    }

    // MARK: - What the binary needs

    /// Notes for the build report: the stripped size and the shared libraries the binary still
    /// loads (`ldd`), or that it is fully static.
    public func notes(runner: any ProcessRunner) -> [String] {
        var notes: [String] = []
        if let size = try? FileSystem().stat(strippedBinary).size {
            notes.append("bin/\(product): \(Self.megabytes(Int(size))) stripped")
        }
        guard let ldd = try? runner.run(Command("ldd", [strippedBinary], timeout: 60)) else { return notes }
        let libraries = Self.sharedLibraries(lddOutput: ldd.stdout + ldd.stderr)
        notes.append(
            libraries.isEmpty
                ? "fully static: needs no shared library"
                : "needs shared libraries: " + libraries.joined(separator: ", "))
        return notes
    }

    /// Library names from `ldd` output (`libc.so.6 => /lib/…`); none for "not a dynamic executable"
    /// or "statically linked". The kernel's vDSO and the loader itself are not files to ship.
    public static func sharedLibraries(lddOutput: String) -> [String] {
        lddOutput.split(separator: "\n").compactMap { line in
            let word = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            guard word.contains(".so"), !word.hasPrefix("linux-vdso"), !word.contains("ld-linux") else { return nil }
            return word
        }
    }

    // MARK: - The static Linux SDK

    /// The id of the toolchain's static Linux SDK (musl) from `swift sdk list`, nil when none is
    /// installed or the toolchain has no `sdk` command.
    public static func installedStaticSDK(runner: any ProcessRunner) -> String? {
        guard let listing = try? runner.run(Command("swift", ["sdk", "list"], timeout: 60)), listing.succeeded else {
            return nil
        }
        return staticSDK(inListing: listing.stdout)
    }

    /// The first SDK id naming the static Linux SDK (`swift-6.1-RELEASE_static-linux-0.0.1`).
    public static func staticSDK(inListing listing: String) -> String? {
        listing.split(separator: "\n").map { $0.trimmingCharacters(in: " ") }.first { $0.contains("static-linux") }
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
}
