/// JUnit XML across all components: one `<testsuite>` per component, one `<testcase>` per check,
/// failing tests listed by name inside the failure, so CI systems show them.
extension TestReport {
    public func junitXML() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let checks = components.flatMap(\.checks)
        xml +=
            "<testsuites name=\"help test\" tests=\"\(checks.count)\" "
            + "failures=\(quote(String(checks.filter { $0.outcome.status == .failed }.count))) time=\(quote(format1(duration)))>\n"
        for component in components {
            let failures =
                component.checks.filter { $0.outcome.status == .failed }.count + (component.error == nil ? 0 : 1)
            xml +=
                "  <testsuite name=\(quote(component.component)) tests=\"\(component.checks.count)\" failures=\"\(failures)\">\n"
            if let error = component.error {
                xml += "    <testcase classname=\(quote(component.component)) name=\"setup\">\n"
                xml += "      <failure message=\(quote(error.message))></failure>\n    </testcase>\n"
            }
            for check in component.checks {
                let o = check.outcome
                xml +=
                    "    <testcase classname=\(quote(component.component)) name=\(quote(check.kind.rawValue)) "
                    + "time=\(quote(format1(o.duration)))>\n"
                switch o.status {
                case .failed:
                    let message =
                        o.failures.isEmpty
                        ? (o.note ?? "\(check.kind.rawValue) failed") : o.failures.joined(separator: ", ")
                    let tail = o.output.split(separator: "\n", omittingEmptySubsequences: false).suffix(60).joined(
                        separator: "\n")
                    xml += "      <failure message=\(quote(message))>\(escape(tail))</failure>\n"
                case .skipped:
                    xml += "      <skipped message=\(quote(o.note ?? "skipped"))/>\n"
                case .passed:
                    break
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    func quote(_ text: String) -> String { "\"" + escape(text) + "\"" }

    /// XML text and attribute escaping; control characters XML 1.0 forbids are dropped.
    func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0x1B { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
