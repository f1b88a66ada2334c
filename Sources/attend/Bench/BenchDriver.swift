/// The Python program that times the workload scripts in PyTorch the way Attend times them: each script runs in a
/// fresh namespace, then `work()` is called (the first call untimed when the spec asks for a warm-up) and the median
/// of the timed calls is reported. It prints `{"medians": {name: milliseconds}, "torch": version}` on one line.
enum BenchDriver {
    /// The driver's text; it takes the spec file's path as its argument.
    static let source = #"""
        """Times attend bench's workload scripts in PyTorch (written by `attend bench --compare`)."""
        import json
        import sys
        import time


        def median(values):
            values = sorted(values)
            middle = len(values) // 2
            if len(values) % 2:
                return values[middle]
            return (values[middle - 1] + values[middle]) / 2


        def time_workload(workload):
            path = workload["file"]
            with open(path) as file:
                source = file.read()
            namespace = {"__name__": "__bench__", "__file__": path}
            exec(compile(source, path, "exec"), namespace)
            work = namespace["work"]
            times = []
            start = time.perf_counter()
            work()
            first = (time.perf_counter() - start) * 1000
            if not workload["warm_up"]:
                times.append(first)
            while len(times) < max(workload["runs"], 1):
                start = time.perf_counter()
                work()
                times.append((time.perf_counter() - start) * 1000)
            return median(times)


        def main():
            with open(sys.argv[1]) as file:
                spec = json.load(file)
            import torch
            medians = {}
            for workload in spec["workloads"]:
                medians[workload["name"]] = time_workload(workload)
            print(json.dumps({"medians": medians, "torch": torch.__version__}))


        main()

        """#
}
