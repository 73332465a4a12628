/// Builds the template `help run` writes a component's `.env` from, out of what the project
/// already says: a template of its own (`Templates/env/`, `config/`) is taken as it is; otherwise
/// its `.env.example` (or `.env.template`, `.env.sample`) replaces help's default. Either way the
/// keys the settings class requires are marked required (added when missing), and a SQLite default
/// is never offered to an app that cannot use it.
public enum TemplateComposer {
    /// Values an example file holds for a secret that nobody should run with.
    static let placeholders: Set<String> = [
        "changethis", "changeme", "change-me", "change_me", "secret", "password", "xxx", "todo",
    ]

    /// The template for a component: `base` from `TemplateLocator`, `example` from the project's
    /// example file, `settings` from its source. `databaseConfigured` is true when the
    /// environment or `.env` already names a database (`DATABASE_URL` or `POSTGRES_SERVER`).
    public static func compose(
        base: EnvTemplate, example: EnvTemplate?, settings: SettingsFacts, databaseConfigured: Bool,
        environmentName: String = "development"
    ) -> EnvTemplate {
        let projectOwned = base.source.origin == .component || base.source.origin == .project
        var template = base
        if !projectOwned, let example {
            // An example's SQLite URL is a working default for an app that can use SQLite; any other
            // database value is someone else's server and is left for the database help prepares.
            let keepsSQLite = !settings.postgresOnly && !databaseConfigured
            template = EnvTemplate(
                entries: example.entries.map { entry in
                    guard keepsSQLite && entry.key == "DATABASE_URL" && entry.value.hasPrefix("sqlite") else {
                        return adapt(entry)
                    }
                    return ownSQLite(entry, base: base, environmentName: environmentName)
                }, source: example.source)
        } else if !projectOwned, let url = base.entry("DATABASE_URL"), url.value.hasPrefix("sqlite"),
            settings.postgresOnly || databaseConfigured || readsSplitVariablesOnly(settings)
        {
            // help's own default would point a PostgreSQL-only app at SQLite, or hide the
            // POSTGRES_* variables the user set.
            template.entries.removeAll { $0.key == url.key }
        }
        let required = Set(settings.requiredKeys)
        for index in template.entries.indices where required.contains(template.entries[index].key) {
            template.entries[index].isRequired = true
        }
        for key in settings.requiredKeys where template.entry(key) == nil {
            let owner = settings.classes.first { $0.fields.contains { $0.key == key } }
            template.entries.append(
                EnvTemplate.Entry(
                    key: key, value: "", isSecret: looksSecret(key) && !DatabaseLocation.databaseKeys.contains(key),
                    isRequired: true,
                    comments: owner.map { ["# Required by \($0.name) in \($0.file)."] } ?? []))
        }
        return template
    }

    /// The example's SQLite URL is the development database: another environment gets help's own
    /// SQLite default for it (`test.db`) when there is one, else the same file name with the
    /// environment's before the extension (`dev.db` -> `dev.test.db`).
    static func ownSQLite(_ entry: EnvTemplate.Entry, base: EnvTemplate, environmentName: String)
        -> EnvTemplate.Entry
    {
        guard environmentName != "development" else { return entry }
        var entry = entry
        if let own = base.entry("DATABASE_URL"), own.value.hasPrefix("sqlite") {
            entry.value = own.value
        } else if let slash = entry.value.lastIndex(of: "/") {
            let name = entry.value[entry.value.index(after: slash)...]
            let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name[...]
            let suffix = name.lastIndex(of: ".").map { String(name[$0...]) } ?? ""
            entry.value = entry.value[...slash] + stem + "." + environmentName + suffix
        }
        return entry
    }

    /// An example entry as a template entry: a secret's placeholder becomes empty (generated),
    /// and the database keys are left empty for the database `help run` prepares.
    static func adapt(_ entry: EnvTemplate.Entry) -> EnvTemplate.Entry {
        var entry = entry
        if DatabaseLocation.databaseKeys.contains(entry.key) {
            entry.value = ""
            entry.isSecret = false
        } else if looksSecret(entry.key), entry.value.isEmpty || isPlaceholder(entry.value) {
            entry.value = ""
            entry.isSecret = true
        }
        return entry
    }

    /// True for `changethis`, `<your key>`, `your-secret`...
    static func isPlaceholder(_ value: String) -> Bool {
        let lower = value.lowercased()
        return placeholders.contains(lower) || lower.hasPrefix("<") || lower.hasPrefix("your")
    }

    /// The settings read `POSTGRES_SERVER` and no `DATABASE_URL`.
    static func readsSplitVariablesOnly(_ settings: SettingsFacts) -> Bool {
        settings.knownKeys.contains("POSTGRES_SERVER") && !settings.knownKeys.contains("DATABASE_URL")
    }

    /// True for names such as `SECRET_KEY`, `API_TOKEN`, `DB_PASS`.
    static func looksSecret(_ key: String) -> Bool { EnvTemplate.looksSecret(key) }
}

extension EnvTemplate {
    /// Words in a key that mark its value as secret.
    public static let secretWords = ["SECRET", "KEY", "TOKEN", "PASSWORD", "PASS"]

    /// True for names such as `SECRET_KEY`, `API_TOKEN`, `DB_PASS`.
    public static func looksSecret(_ key: String) -> Bool {
        let upper = key.uppercased()
        return secretWords.contains { upper.contains($0) }
    }
}
