/// The Python side of coverage-based selection, run in the component's own interpreter: `record`
/// reads the coverage data a full run left (with pytest-cov's per-test contexts) into which files
/// each test executed; `summarize FILE…` describes files so that edits inside function bodies can
/// be told apart from edits anywhere else (decorators, defaults, docstrings and class bodies run at
/// import, and so affect every test that imports the module).
enum CoverageRecordScript {
    static let source = """
        import ast, hashlib, json, os, sqlite3, sys

        # Decorators that keep state between calls: a test after the first may never run such a body.
        SHARED = ("cache", "memo", "once", "singleton")


        def digest(node):
            return hashlib.sha256(ast.dump(node).encode()).hexdigest()[:16]


        def summarize(path):
            try:
                with open(path, encoding="utf-8") as f:
                    tree = ast.parse(f.read(), path)
            except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
                return None
            functions = []

            def function(node):
                body = node.body
                keep = []
                if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
                    keep, body = [body[0]], body[1:]
                decorators = " ".join(ast.dump(d) for d in node.decorator_list).lower()
                shared = any(word in decorators for word in SHARED) or any(
                    isinstance(n, (ast.Global, ast.Nonlocal)) for b in body for n in ast.walk(b)
                )
                first = body[0].lineno if body else node.lineno
                last = body[-1].end_lineno if body else node.lineno
                functions.append([digest(ast.Module(body=body, type_ignores=[])), first, last, shared])
                node.body = keep + [ast.Pass()]

            def visit(node):
                for _, value in ast.iter_fields(node):
                    for child in value if isinstance(value, list) else [value]:
                        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                            function(child)
                        elif isinstance(child, ast.AST):
                            visit(child)

            visit(tree)
            return {"module": digest(tree), "functions": functions}


        def record(root):
            import coverage

            data_file = os.path.abspath(coverage.Coverage().config.data_file)
            db = sqlite3.connect(data_file)
            tables = {row[0] for row in db.execute("select name from sqlite_master where type='table'")}
            files = {}
            for file_id, path in db.execute("select id, path from file"):
                relative = os.path.relpath(os.path.join(root, path), root)
                if not relative.startswith(".."):
                    files[file_id] = relative
            contexts = dict(db.execute("select id, context from context"))
            tests, shared = {}, {}

            def note(file_id, context_id, lines):
                path = files.get(file_id)
                if path is None:
                    return
                context = contexts.get(context_id, "")
                node, _, phase = context.rpartition("|")
                if node and phase == "run":
                    tests.setdefault(node, set()).add(path)
                else:
                    # Import time, collection and fixtures' setup: what one test sets up, later ones may reuse.
                    if node:
                        tests.setdefault(node, set()).add(path)
                    shared.setdefault(path, set()).update(lines)

            if "arc" in tables:
                for file_id, context_id, a, b in db.execute("select file_id, context_id, fromno, tono from arc"):
                    note(file_id, context_id, [abs(a), abs(b)])
            if "line_bits" in tables:
                from coverage.numbits import numbits_to_nums

                for file_id, context_id, bits in db.execute("select file_id, context_id, numbits from line_bits"):
                    note(file_id, context_id, numbits_to_nums(bits))
            paths = sorted(set(files.values()))
            json.dump(
                {
                    "tests": {node: sorted(found) for node, found in tests.items()},
                    "shared": {path: sorted(lines) for path, lines in shared.items()},
                    "summaries": {path: summarize(os.path.join(root, path)) for path in paths},
                },
                sys.stdout,
            )


        if sys.argv[1] == "record":
            record(os.getcwd())
        else:
            json.dump({path: summarize(path) for path in sys.argv[2:]}, sys.stdout)
        """
}
