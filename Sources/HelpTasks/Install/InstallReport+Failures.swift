import HelpSystem

extension InstallReport {
    /// A component whose sync failed while the others went on.
    public struct ComponentFailure: Sendable {
        public var component: String
        public var error: HelpError

        public init(component: String, error: HelpError) {
            self.component = component
            self.error = error
        }

        /// The error of the whole run: the one failure as it was (its exit code kept), or a summary
        /// naming every failed component with exit 1; nil when none failed.
        static func combined(_ failures: [ComponentFailure]) -> HelpError? {
            guard let first = failures.first else { return nil }
            if failures.count == 1 { return first.error }
            return HelpError(
                "\(failures.count) components failed to install: "
                    + failures.map(\.component).joined(separator: ", "),
                hint: "each one's error is above; fix them one at a time with help install --component NAME")
        }

        var line: String { "\(component): install failed: \(error.message)" }

        var json: JSONValue {
            [
                "name": .string(component), "status": .string("failed"),
                "error": [
                    "message": .string(error.message), "hint": .optional(error.hint),
                    "code": .int(Int(error.code.rawValue)),
                ],
            ]
        }
    }
}
