"""Checks every annotated script against CPython: run `python3 verify_language.py` in this directory.

Each `# expect: ` comment is a line the script prints (in order) and `# expect-error: ` the last line of the
uncaught exception. Scripts whose first line says `attend-only` test Attend's deliberate differences (64-bit ints)
and are skipped. Also regenerates tracebacks/*.txt from CPython's stderr.
"""
import pathlib
import subprocess
import sys

here = pathlib.Path(__file__).parent
failures = 0
for script in sorted(here.glob("*.py")):
    if script.name.startswith("verify_"):
        continue
    text = script.read_text()
    if "attend-only" in text.splitlines()[0]:
        continue
    expected, expected_error = [], None
    for line in text.splitlines():
        if "# expect: " in line:
            expected.append(line.split("# expect: ", 1)[1])
        elif line.rstrip().endswith("# expect:"):
            expected.append("")
        elif "# expect-error: " in line:
            expected_error = line.split("# expect-error: ", 1)[1]
    run = subprocess.run([sys.executable, script.name], cwd=here, capture_output=True, text=True)
    printed = run.stdout.split("\n")
    if printed and printed[-1] == "":
        printed.pop()
    if printed != expected:
        failures += 1
        print(f"{script.name}: output differs")
        for a, b in zip(expected + ["<none>"] * len(printed), printed + ["<none>"] * len(expected)):
            if a != b:
                print(f"  expected {a!r}\n  got      {b!r}")
    last = run.stderr.strip().split("\n")[-1] if run.stderr else None
    if last != expected_error:
        failures += 1
        print(f"{script.name}: error {last!r} != {expected_error!r}")

tracebacks = here / "tracebacks"
for script in sorted(tracebacks.glob("*.py")):
    run = subprocess.run([sys.executable, script.name], cwd=tracebacks, capture_output=True, text=True)
    # CPython prints the absolute path; the tests run each script under its bare file name.
    script.with_suffix(".txt").write_text(run.stderr.replace(str(tracebacks.resolve()) + "/", ""))

print("ok" if failures == 0 else f"{failures} failures")
sys.exit(1 if failures else 0)
