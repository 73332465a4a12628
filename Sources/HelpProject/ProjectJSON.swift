import HelpSystem

// MARK: - `--json` shapes

extension Component {
    /// The component as `--json` output shows it. Environment values are left out (only names are
    /// listed): help.json may hold connection strings that must not reach logs.
    public var json: JSONValue {
        var value: JSONValue = [
            "name": .string(name), "path": .string(path), "flag": .string(flag), "kind": .string(kind.rawValue),
            "role": .string(role.rawValue), "declared": .bool(declared), "evidence": .strings(evidence),
        ]
        var commandsValue = JSONObject()
        for command in ComponentCommands.names {
            if let argv = commands[command] { commandsValue[command] = .strings(argv) }
        }
        value["commands"] = .object(commandsValue)
        value["app"] = .optional(asgiApp)
        value["depends_on"] = .strings(dependsOn)
        value["env"] = .strings(environment.keys.sorted())
        value["inputs"] = .strings(inputs)
        value["exclude"] = .strings(exclude)
        if let python { value["python"] = python.json }
        if let node { value["node"] = node.json }
        if let swift {
            value["swift"] = ["package": .optional(swift.packageName), "executable": .bool(swift.hasExecutable)]
        }
        return value
    }
}

extension PythonMarkers {
    /// The markers as `--json` output shows them.
    public var json: JSONValue {
        var groups = JSONObject()
        for name in dependencyGroups.keys.sorted() { groups[name] = .strings(dependencyGroups[name] ?? []) }
        return [
            "pyproject": .bool(hasPyproject), "poetry": .bool(usesPoetry), "setup_py": .bool(hasSetupPy),
            "setup_cfg": .bool(hasSetupCfg), "uv_lock": .bool(hasUVLock), "poetry_lock": .bool(hasPoetryLock),
            "alembic": .bool(hasAlembic), "migrations": .optional(migrationsFolder),
            "requirement_files": .strings(requirementFiles), "python_version": .optional(pythonVersion),
            "requires_python": .optional(requiresPython), "dependencies": .strings(dependencies),
            "dependency_groups": .object(groups), "scripts": .strings(scripts),
        ]
    }
}

extension NodeMarkers {
    /// The markers as `--json` output shows them.
    public var json: JSONValue {
        var scriptsValue = JSONObject()
        for script in scripts { scriptsValue[script.name] = .string(script.command) }
        return [
            "package": .optional(packageName), "scripts": .object(scriptsValue), "dependencies": .strings(dependencies),
            "dev_dependencies": .strings(devDependencies), "lockfile": .optional(lockfile), "bin": .bool(hasBin),
        ]
    }
}

extension Project {
    /// The project as `--json` output shows it: root, how it was found, components, cache settings.
    public var json: JSONValue {
        [
            "root": .string(root.path), "found_by": .string(root.discovery.rawValue),
            "config": .optional(config.document.map { _ in root.resolve(ProjectLocator.configFileName) }),
            "components": .array(components.map(\.json)),
            "cache": ["max_size": config.cache.maxSize.map { .int(Int($0)) } ?? .null],
        ]
    }
}
