import Testing

@testable import HelpTasks

@Suite struct PythonTestImpactTests {
    let sources: [String: String] = [
        "app/__init__.py": "",
        "app/security.py": "import hashlib\n",
        "app/tokens.py": "from .security import hash_password\n",
        "app/report.py": "import json\n",
        "tests/test_tokens.py": "from app.tokens import make\n",
        "tests/test_report.py": "from app import report\n",
        "tests/test_other.py": "import os\n",
    ]

    @Test func aModuleReachesTheTestsThatImportItTransitively() {
        let decision = PythonTestImpact.decide(changed: ["app/security.py"], sources: sources)
        #expect(decision == .files(["tests/test_tokens.py"]))
    }

    @Test func fromPackageImportNameCountsAsImportingTheModule() {
        #expect(
            PythonTestImpact.decide(changed: ["app/report.py"], sources: sources) == .files(["tests/test_report.py"]))
    }

    @Test func aChangedTestFileRunsItself() {
        #expect(
            PythonTestImpact.decide(changed: ["tests/test_other.py"], sources: sources)
                == .files(["tests/test_other.py"]))
    }

    @Test func conftestNonPythonAndDynamicImportsRunTheWholeSuite() {
        var withConftest = sources
        withConftest["tests/conftest.py"] = "from app.report import render\n"
        if case .files = PythonTestImpact.decide(changed: ["app/report.py"], sources: withConftest) {
            Issue.record("a conftest importing the change must widen to the whole suite")
        }
        if case .files = PythonTestImpact.decide(changed: ["alembic.ini"], sources: sources) {
            Issue.record("a non-Python change must run the whole suite")
        }
        var dynamic = sources
        dynamic["app/tokens.py"] = "import importlib\nmod = importlib.import_module(name)\nfrom .security import x\n"
        if case .files = PythonTestImpact.decide(changed: ["app/security.py"], sources: dynamic) {
            Issue.record("a dynamic importer on the path must run the whole suite")
        }
    }

    @Test func moduleNamesFollowSrcLayoutAndPackages() {
        #expect(PythonTestImpact.moduleName("src/auth_client/client.py") == "auth_client.client")
        #expect(PythonTestImpact.moduleName("app/__init__.py") == "app")
        #expect(PythonTestImpact.resolve("..db", from: "app.api.users", isPackage: false) == "app.db")
    }
}
