/// Decides whether a package is a development tool (tests, linters, type checkers, docs, debuggers,
/// test data) when the user said neither `--dev` nor `--prod`. The list is documented in the usage
/// text of `help install`; it errs on the side of "production" for anything it does not know, so a
/// runtime dependency is never left out of a deployed environment.
public enum DevToolHeuristic {
    /// Exact (PEP 503 normalized) names of well-known development tools.
    public static let names: Set<String> = [
        "pytest", "ruff", "mypy", "black", "flake8", "isort", "coverage", "pre-commit", "ipython",
        "ipdb", "hypothesis", "tox", "nox", "pylint", "bandit", "debugpy", "faker", "factory-boy",
        "freezegun", "respx", "responses", "pyright", "autopep8", "yapf", "pycodestyle", "pyflakes",
        "pydocstyle", "codespell", "vulture", "radon", "safety", "pip-audit", "pip-tools", "mkdocs",
        "mkdocs-material", "time-machine", "pyfakefs", "moto", "vcrpy", "syrupy", "nbstripout",
        "jupyter", "jupyterlab", "notebook", "line-profiler", "pyinstrument", "py-spy", "memray",
        "locust", "watchdog", "twine", "build", "bump2version", "commitizen", "towncrier",
        "types-setuptools", "typeguard", "pdbpp", "snakeviz", "testcontainers", "model-bakery",
        "polyfactory", "dirty-equals", "inline-snapshot", "mutmut",
    ]

    /// Name prefixes (after normalization) that mark plugin families of development tools.
    public static let prefixes: [String] = [
        "pytest-", "types-", "sphinx", "flake8-", "mypy-", "pylint-", "coverage-", "tox-", "mkdocs-",
    ]

    /// Name suffixes that mark typing stub packages and test helpers.
    public static let suffixes: [String] = ["-stubs"]

    /// True when `normalizedName` (PEP 503: lowercase, runs of `-_.` as one `-`) looks like a
    /// development tool.
    public static func isDevelopmentTool(_ normalizedName: String) -> Bool {
        if names.contains(normalizedName) { return true }
        if prefixes.contains(where: { normalizedName.hasPrefix($0) }) { return true }
        return suffixes.contains(where: { normalizedName.hasSuffix($0) })
    }

    /// One sentence for the user explaining where a package went and how to override it.
    public static func explanation(for name: String, developmentTool: Bool, file: String) -> String {
        if developmentTool {
            return "\(name) looks like a development tool: recorded in \(file) (use --prod to override)"
        }
        return "\(name) recorded in \(file) as a runtime dependency (use --dev for a development tool)"
    }
}
