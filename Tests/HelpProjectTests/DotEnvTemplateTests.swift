import Testing

@testable import HelpProject

/// `.env` templates: `# help:` comments directly above a key mark it secret and/or required.
@Suite struct DotEnvTemplateTests {
    static let text = """
        # Settings for the dev server
        # help: secret
        SECRET_KEY=
        # help: required, secret
        API_TOKEN=
        #help:REQUIRED
        DATABASE_URL=postgresql://localhost/app
        # help: secret

        NOT_DIRECTLY_BELOW=1
        PLAIN=1 # help: secret
        # help: secert
        TYPO=1
        """

    @Test func marksTheKeyDirectlyBelowTheComment() {
        let template = DotEnvTemplate(text: Self.text)
        #expect(template.markers(for: "SECRET_KEY") == [.secret])
        #expect(template.markers(for: "API_TOKEN") == [.secret, .required])
        #expect(template.markers(for: "DATABASE_URL") == [.required])
        #expect(template.markers(for: "NOT_DIRECTLY_BELOW").isEmpty)
        #expect(template.markers(for: "PLAIN").isEmpty)
        #expect(template.markers(for: "ABSENT").isEmpty)
        #expect(template.secretKeys == ["SECRET_KEY", "API_TOKEN"])
        #expect(template.requiredKeys == ["API_TOKEN", "DATABASE_URL"])
    }

    @Test func reportsUnknownMarkerWordsWithTheirLine() {
        let template = DotEnvTemplate(text: Self.text)
        #expect(template.markers(for: "TYPO").isEmpty)
        #expect(template.problems == ["line 12: unknown marker \"secert\" (known: secret, required)"])
    }

    @Test func editingATemplateKeepsItsComments() throws {
        let template = DotEnvTemplate(text: Self.text)
        let (file, added) = try template.file.adding(missing: [(key: "NEW", value: "x")])
        #expect(added == ["NEW"])
        #expect(file.render().hasPrefix(Self.text))
        #expect(DotEnvTemplate(file: file).markers(for: "API_TOKEN") == [.secret, .required])
    }
}
