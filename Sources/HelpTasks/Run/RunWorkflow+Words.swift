import HelpProject
import HelpSystem

/// The last words of the pipeline's steps: what changed, named but never shown (keys, not values).
extension RunWorkflow {
    /// `created server/.env from the development template (built-in): DATABASE_URL, SECRET_KEY (generated)`.
    static func describe(_ outcome: EnvFileWriter.Outcome, file: String, template: EnvTemplate, root: String) -> String
    {
        let source = "the \(template.source.name) template (\(RunPlan.relative(template.source.label, root: root)))"
        let generated = Set(outcome.generatedKeys)
        let added = outcome.addedKeys.map { generated.contains($0) ? "\($0) (generated)" : $0 }
        var parts: [String] = []
        if outcome.created {
            parts.append("created \(file) from \(source)" + (added.isEmpty ? "" : ": " + added.joined(separator: ", ")))
        } else if !added.isEmpty {
            parts.append("added to \(file) from \(source): " + added.joined(separator: ", "))
        } else {
            parts.append("\(file) up to date with \(source)")
        }
        let filled = outcome.generatedKeys.filter { !outcome.addedKeys.contains($0) }
        if !filled.isEmpty { parts.append("filled empty " + filled.joined(separator: ", ") + " (generated)") }
        if outcome.narrowedMode { parts.append("made it private (mode 0600)") }
        if let backup = outcome.backup { parts.append("previous copy in \(RunPlan.relative(backup, root: root))") }
        return parts.joined(separator: "; ")
    }

    /// `pid 4242, http://127.0.0.1:8000 answered GET /health with 200` (plus the port note).
    static func describe(_ state: ServiceSupervisor.Readiness, launch: ServiceLaunch, pid: Int32) -> String {
        var parts = ["pid \(pid)"]
        if let note = launch.portNote { parts.append(note) }
        switch state {
        case .answered(let status):
            if let base = launch.baseURL, case .http(let path) = launch.readiness {
                parts.append("\(base) answered GET \(path) with \(status)")
            }
        case .started:
            parts.append("started")
        case .interrupted:
            parts.append("interrupted while starting")
        }
        return parts.joined(separator: ", ")
    }

    /// `0.4 s`, `12.3 s`.
    static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
