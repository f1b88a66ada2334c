"""Regenerates the expected output of the REPL sessions: what Python's interactive mode printed to stdout for each
`*.session` file fed to it on standard input (prompts and tracebacks go to stderr and are not compared).

Run with PyTorch 2.13 CPU: /work/torchenv/bin/python Tests/AttendTests/Fixtures/generate_repl.py
"""
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent

for session in sorted(HERE.glob("*.session")):
    result = subprocess.run([sys.executable, "-i"], stdin=session.open(), capture_output=True, text=True)
    session.with_suffix(".expected").write_text(result.stdout)
    print(session.name, "->", len(result.stdout.splitlines()), "lines")
