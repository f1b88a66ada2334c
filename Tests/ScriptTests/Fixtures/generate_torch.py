"""Regenerates the PyTorch-checked fixtures of the torch binding.

Run with PyTorch 2.13 CPU: /work/torchenv/bin/python Tests/ScriptTests/Fixtures/generate_torch.py

* torch/*.py: each script's trailing `# expect:` / `# expect-error:` lines are replaced by what real PyTorch printed
  (stdout lines, then the uncaught exception's last traceback line).
* seed_outputs.json: the stdout PyTorch printed for the seed cells the binding runs so far.
"""
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
SEED_CELLS = ["cell_02.py", "cell_05.py"]


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
    outputs = {}
    for name in SEED_CELLS:
        stdout, error = run(HERE / "seed_cells" / name)
        assert error is None, (name, error)
        outputs[name] = stdout
    (HERE / "seed_outputs.json").write_text(json.dumps(outputs, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
