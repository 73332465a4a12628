import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpProject

/// Reading pydantic-settings classes from source: which keys have no default, which `.env` the
/// class reads, and whether the app can only work with PostgreSQL.
@Suite("Settings class reading")
struct SettingsReaderTests {
    static let fullStackShape = """
        import secrets
        from typing import Annotated, Any, Literal, Optional

        from pydantic import AnyUrl, BeforeValidator, EmailStr, Field, PostgresDsn, computed_field
        from pydantic_settings import BaseSettings, SettingsConfigDict


        def parse_cors(v: Any) -> list[str] | str:
            if isinstance(v, str) and not v.startswith("["):  # a comment with ( and "
                return [i.strip() for i in v.split(",")]
            return v


        class Settings(BaseSettings):
            \"\"\"Everything the API reads; a ( in a docstring changes nothing.\"\"\"

            model_config = SettingsConfigDict(
                # one level above the component
                env_file="../.env",
                env_ignore_empty=True,
                extra="ignore",
            )
            API_V1_STR: str = "/api/v1"
            SECRET_KEY: str = secrets.token_urlsafe(32)
            ENVIRONMENT: Literal["local", "staging", "production"] = "local"
            BACKEND_CORS_ORIGINS: Annotated[
                list[AnyUrl] | str, BeforeValidator(parse_cors)
            ] = []
            PROJECT_NAME: str
            SENTRY_DSN: AnyUrl | None
            OLD_STYLE: Optional[str]
            POSTGRES_SERVER: str
            POSTGRES_PORT: int = 5432
            POSTGRES_USER: str
            POSTGRES_PASSWORD: str = ""
            POSTGRES_DB: str = ""
            FIRST_SUPERUSER: EmailStr
            FIRST_SUPERUSER_PASSWORD: str = Field(min_length=8)
            TOKEN_MINUTES: int = Field(60, gt=0)
            TIMEOUT: int = Field(default=5)
            EXPLICIT: str = Field(..., description="x = y")
            _private: str

            @computed_field  # type: ignore[prop-decorator]
            @property
            def SQLALCHEMY_DATABASE_URI(self) -> PostgresDsn:
                inner: str
                return PostgresDsn.build(scheme="postgresql+psycopg", host=self.POSTGRES_SERVER)
        """

    @Test(
        "pydantic 2: fields without a default are required, Optional and | None too; Field(default) and Field(60) are not"
    )
    func requiredFields() {
        let classes = SettingsReader.resolve(SettingsSourceParser.classes(in: Self.fullStackShape, file: "config.py"))
        #expect(classes.map(\.name) == ["Settings"])
        let settings = SettingsFacts(classes: classes)
        #expect(
            settings.requiredKeys == [
                "PROJECT_NAME", "SENTRY_DSN", "OLD_STYLE", "POSTGRES_SERVER", "POSTGRES_USER", "FIRST_SUPERUSER",
                "FIRST_SUPERUSER_PASSWORD", "EXPLICIT",
            ])
        #expect(settings.envFile == "../.env")
        #expect(!settings.knownKeys.contains("_PRIVATE") && !settings.knownKeys.contains("INNER"))
        #expect(settings.knownKeys.contains("BACKEND_CORS_ORIGINS"))
    }

    @Test("pydantic 1: an Optional field without a default may be left unset")
    func pydanticOneOptionalDefaultsToNone() {
        for header in ["from pydantic import BaseSettings", "from pydantic.v1 import BaseSettings"] {
            let source =
                header + "\nfrom typing import Optional\n\nclass Settings(BaseSettings):\n"
                + "    sentry_dsn: Optional[str]\n    api_key: str | None\n    database_url: str\n"
            let settings = SettingsFacts(
                classes: SettingsReader.resolve(SettingsSourceParser.classes(in: source, file: "settings.py")))
            #expect(settings.requiredKeys == ["DATABASE_URL"], "\(header)")
        }
    }

    @Test("the older class Config form gives env_file and env_prefix; keys are prefixed and upper-cased")
    func configClassAndPrefix() {
        let source = """
            from pydantic import BaseSettings, Field

            class Base(BaseSettings):
                database_url: str
                debug: bool = False

                class Config:
                    env_file = ".env"
                    env_prefix = "APP_"

            class Settings(Base):
                api_key: str = Field(alias="THIRD_PARTY_KEY")
                debug: bool

            class NotSettings:
                name: str
            """
        let classes = SettingsReader.resolve(SettingsSourceParser.classes(in: source, file: "settings.py"))
        #expect(classes.map(\.name) == ["Base", "Settings"])
        let settings = SettingsFacts(classes: [classes[1]])
        #expect(settings.requiredKeys == ["APP_DATABASE_URL", "THIRD_PARTY_KEY", "APP_DEBUG"])
        #expect(settings.envFile == ".env")
    }

    @Test("a tuple of env files and case_sensitive keep what is written")
    func tupleAndCase() {
        let source = """
            class Settings(pydantic_settings.BaseSettings):
                model_config = {"env_file": (".env", ".env.local"), "case_sensitive": True}
                database_url: str
            """
        let classes = SettingsReader.resolve(SettingsSourceParser.classes(in: source, file: "s.py"))
        #expect(classes.first?.envFiles == [".env", ".env.local"])
        #expect(classes.first?.fields.map(\.key) == ["database_url"])
    }

    @Test("PostgreSQL-only when the code builds a postgresql URL and mentions no SQLite")
    func postgresOnly() throws {
        let folder = TempDir(prefix: "help-settings")
        try folder.write([
            "api/app/core/config.py": Self.fullStackShape,
            "api/app/core/db.py": "from sqlmodel import create_engine\n",
            "api/tests/test_x.py": "SQLITE = 'sqlite://'\n",
        ])
        let facts = SettingsReader.read(folder: folder.path("api"))
        #expect(facts.postgresOnly)
        #expect(facts.requiredKeys.contains("POSTGRES_SERVER"))

        try folder.write(["api/app/core/db.py": "URL = 'sqlite:///./dev.db'\n"])
        #expect(!SettingsReader.read(folder: folder.path("api")).postgresOnly, "a SQLite path keeps the default")
    }
}
