/// Pulls the version number out of whatever a tool prints for `--version`.
public enum VersionText {
    /// The first word that looks like a version (`2.39.5` in `git version 2.39.5`, `20.20.2` in
    /// `v20.20.2`, `1.30.4+k3s1` in `k3s version v1.30.4+k3s1 (abc)`); else the first line.
    public static func number(in output: String) -> String? {
        guard let line = output.split(whereSeparator: \.isNewline).first(where: { !$0.allSatisfy(\.isWhitespace) })
        else {
            return nil
        }
        for line in output.split(whereSeparator: \.isNewline).prefix(3) {
            for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                var candidate = Substring(word)
                if candidate.first == "v" { candidate = candidate.dropFirst() }
                while let last = candidate.last, ",;:)".contains(last) { candidate = candidate.dropLast() }
                if candidate.first?.isNumber == true, candidate.contains(".") { return String(candidate) }
            }
        }
        return String(line).trimmingCharacters(in: " \t")
    }
}
