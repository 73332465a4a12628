/// The configuration templates shipped in `Templates/env/`, compiled in so a lone binary (copied
/// without its checkout or `share/` folder) still has them. Kept by hand, not generated at build
/// time; a test checks that each one equals its file in `Templates/env/`.
enum EmbeddedEnvTemplates {
    /// The names, in the order they are listed to people.
    static let names = ["development", "test", "production"]

    /// The text of the template `name`, or nil when none is built in.
    static func text(named name: String) -> String? {
        switch name {
        case "development": return development
        case "test": return test
        case "production": return production
        default: return nil
        }
    }

    static let development = #"""
        # Configuration template for `help run` (the default, --env development).
        #
        # `help run` writes each server component's .env from this file. A new .env gets every key
        # below; an existing .env only gains the keys it lacks, and values already there are never
        # changed. The file is written with mode 0600.
        #
        # Markers go on the comment line right above a key; combine them with a comma:
        #   # help: secret      an empty value is generated: 32 random bytes, URL-safe base64.
        #                       `help config show` prints the value as *** (without --reveal).
        #   # help: required    `help run` and `help config check` stop (exit 65) while it is empty.
        #
        # Values set in the environment win over .env, as python-dotenv and pydantic-settings do.
        # A project replaces this file with its own development.env in Templates/env/ or config/,
        # in a component's folder or at the project root.

        # Where the application keeps its data; a relative SQLite path is taken from the component's
        # folder. For PostgreSQL: postgresql://USER:PASSWORD@HOST:5432/NAME (`help run` creates the
        # database when it is missing). POSTGRES_SERVER, POSTGRES_PORT, POSTGRES_USER,
        # POSTGRES_PASSWORD and POSTGRES_DB work too, in place of DATABASE_URL.
        DATABASE_URL=sqlite:///./dev.db

        # Signs sessions and tokens.
        # help: secret
        SECRET_KEY=

        """#

    static let test = #"""
        # Configuration template for `help run --env test`: a separate database for test runs.
        #
        # `help run` writes each server component's .env from this file. A new .env gets every key
        # below; an existing .env only gains the keys it lacks, and values already there are never
        # changed. The file is written with mode 0600.
        #
        # Markers go on the comment line right above a key; combine them with a comma:
        #   # help: secret      an empty value is generated: 32 random bytes, URL-safe base64.
        #                       `help config show` prints the value as *** (without --reveal).
        #   # help: required    `help run` and `help config check` stop (exit 65) while it is empty.
        #
        # Values set in the environment win over .env, as python-dotenv and pydantic-settings do.
        # A project replaces this file with its own test.env in Templates/env/ or config/, in a
        # component's folder or at the project root.

        # A throwaway SQLite file, apart from the development data.
        DATABASE_URL=sqlite:///./test.db

        # Signs sessions and tokens.
        # help: secret
        SECRET_KEY=

        """#

    static let production = #"""
        # Configuration template for `help run --env production`.
        #
        # `help run` writes each server component's .env from this file. A new .env gets every key
        # below; an existing .env only gains the keys it lacks, and values already there are never
        # changed. The file is written with mode 0600.
        #
        # Markers go on the comment line right above a key; combine them with a comma:
        #   # help: secret      an empty value is generated: 32 random bytes, URL-safe base64.
        #                       `help config show` prints the value as *** (without --reveal).
        #   # help: required    `help run` and `help config check` stop (exit 65) while it is empty.
        #
        # Values set in the environment win over .env, as python-dotenv and pydantic-settings do.
        # A project replaces this file with its own production.env in Templates/env/ or config/, in
        # a component's folder or at the project root.

        # The production database, for example postgresql://USER:PASSWORD@HOST:5432/NAME. There is no
        # default: set it in .env or in the environment.
        # help: required
        DATABASE_URL=

        # Signs sessions and tokens. Generated once per machine; keep it when you move the data.
        # help: secret, required
        SECRET_KEY=

        """#
}
