import Foundation
import PackagePlugin

/// Compiles the version (first line of `VERSION`) and the commit (`git rev-parse --short HEAD`,
/// plus `-dirty` for uncommitted changes) into the target as `BuildInfo`, so a binary says where it
/// came from wherever it is copied. Runs before every build; the file is rewritten only when its
/// text changes, so an unchanged commit recompiles nothing.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        return [
            .prebuildCommand(
                displayName: "Version and commit for \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "build-info", context.package.directoryURL.path, output.path],
                outputFilesDirectory: output)
        ]
    }

    /// `$1` is the package folder, `$2` the output folder. A source tree without git (or a
    /// `HELP_BUILD_COMMIT` given by a packager) still builds.
    static let script = #"""
        set -u
        root=$1 out=$2
        version=$(sed -n '1{s/[[:space:]]//g;p;}' "$root/VERSION" 2>/dev/null)
        [ -n "$version" ] || version=0.0.0
        commit=${HELP_BUILD_COMMIT:-}
        if [ -z "$commit" ]; then
            if commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null); then
                if [ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
                    commit=$commit-dirty
                fi
            else
                commit=unknown
            fi
        fi
        text="// Generated at build time from VERSION and git; not a source file.
        enum BuildInfo {
            static let version = \"$version\"
            static let commit = \"$commit\"
        }"
        mkdir -p "$out"
        if [ "$(cat "$out/BuildInfo.swift" 2>/dev/null)" != "$text" ]; then
            printf '%s\n' "$text" >"$out/BuildInfo.swift.tmp" && mv -f "$out/BuildInfo.swift.tmp" "$out/BuildInfo.swift"
        fi
        """#
}
