/// The Python program that runs the workload scripts in PyTorch for `attend bench --compare`, one request at a time,
/// so its timed calls can alternate with Attend's.
///
/// It speaks one JSON object per line: on start it imports torch and prints `{"ready": true, "torch": version}`;
/// then it reads requests from standard input and prints one reply each.
/// - `{"op": "setup", "name": N, "file": PATH, "warm_up": B}` runs the script in a fresh namespace (dropping the
///   previous one), calls its `work()` once untimed when B is true, and replies `{"ok": true}`;
/// - `{"op": "time", "name": N, "calls": C}` times C calls of the set-up script's `work()` back to back and
///   replies `{"milliseconds": M}`, M the mean per call.
/// A failure replies `{"error": TRACEBACK}`; end of input ends the program. What the scripts print goes to
/// standard error, so it cannot be taken for a reply.
enum BenchDriver {
    /// The driver's text; it takes no arguments.
    static let source = #"""
        """Runs attend bench's workload scripts in PyTorch, one request per line (written by `attend bench --compare`)."""
        import json
        import sys
        import time
        import traceback

        replies = sys.stdout
        sys.stdout = sys.stderr


        def reply(message):
            replies.write(json.dumps(message) + "\n")
            replies.flush()


        def set_up(request):
            path = request["file"]
            with open(path) as file:
                source = file.read()
            namespace = {"__name__": "__bench__", "__file__": path}
            exec(compile(source, path, "exec"), namespace)
            work = namespace.get("work")
            if not callable(work):
                raise RuntimeError(f"{path} defines no work()")
            if request["warm_up"]:
                work()
            return work


        def main():
            import torch
            reply({"ready": True, "torch": torch.__version__})
            work = None
            while True:
                line = sys.stdin.readline()
                if not line:
                    return
                try:
                    request = json.loads(line)
                    if request["op"] == "setup":
                        work = None
                        work = set_up(request)
                        reply({"ok": True})
                    elif request["op"] == "time":
                        if work is None:
                            raise RuntimeError("no workload is set up")
                        calls = request["calls"]
                        start = time.perf_counter()
                        for _ in range(calls):
                            work()
                        reply({"milliseconds": (time.perf_counter() - start) * 1000 / calls})
                    else:
                        raise ValueError(f"unknown request {request['op']!r}")
                except Exception:
                    reply({"error": traceback.format_exc()})


        main()

        """#
}
