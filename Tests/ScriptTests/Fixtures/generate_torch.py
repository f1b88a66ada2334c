"""Regenerates the PyTorch-checked fixtures of the torch binding.

Run with PyTorch 2.13 CPU: /work/torchenv/bin/python Tests/ScriptTests/Fixtures/generate_torch.py

* torch/*.py: each script's trailing `# expect:` / `# expect-error:` lines are replaced by what real PyTorch printed
  (stdout lines, then the uncaught exception's last traceback line).
* seed_outputs.json: what PyTorch printed for each cell of the seed document (seed_cells/cell_NN.py), the cells run
  in order in one namespace as a notebook kernel runs them, a cell's final expression displayed as Jupyter shows it.
"""
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent

# Runs the cells named on the command line in one namespace, printing a JSON object of each cell's stdout.
NOTEBOOK_KERNEL = r"""
import ast, contextlib, io, json, sys
namespace = {"__name__": "__main__"}
outputs = {}
for path in sys.argv[1:]:
    source = open(path).read()
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(tree, path, "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), path, "eval"), namespace)
            if value is not None:
                print(repr(value))
    outputs[path.rsplit("/", 1)[-1]] = buffer.getvalue()
json.dump(outputs, sys.stdout, indent=1, sort_keys=True)
"""


def run(path):
    result = subprocess.run([sys.executable, path.name], cwd=path.parent, capture_output=True, text=True)
    error = None
    if result.returncode != 0:
        error = result.stderr.rstrip("\n").split("\n")[-1]
    return result.stdout, error


def annotate(path):
    lines = path.read_text().split("\n")
    while lines and (lines[-1] == "" or lines[-1].startswith("# expect")):
        lines.pop()
    body = "\n".join(lines) + "\n"
    path.write_text(body)
    stdout, error = run(path)
    printed = stdout.split("\n")
    if printed and printed[-1] == "":
        printed.pop()
    expectations = [f"# expect: {line}" for line in printed]
    if error is not None:
        expectations.append(f"# expect-error: {error}")
    path.write_text(body + "\n" + "\n".join(expectations) + "\n")


def main():
    for path in sorted((HERE / "torch").glob("*.py")):
        annotate(path)
    cells = sorted(str(path) for path in (HERE / "seed_cells").glob("cell_*.py"))
    result = subprocess.run([sys.executable, "-c", NOTEBOOK_KERNEL, *cells], capture_output=True, text=True,
                            check=True)
    (HERE / "seed_outputs.json").write_text(result.stdout + "\n")


if __name__ == "__main__":
    main()
