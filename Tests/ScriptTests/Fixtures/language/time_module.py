# The time module: clocks move forward, sleep waits at least as long as asked, bad durations raise.
import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


start = time.perf_counter()
start_ns = time.perf_counter_ns()
time.sleep(0.05)
print(time.perf_counter() - start >= 0.05)  # expect: True
print(time.perf_counter_ns() - start_ns >= 50_000_000)  # expect: True
readings = [time.monotonic() for _ in range(5)]
print(readings == sorted(readings))  # expect: True
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__)  # expect: float int int
print(abs(time.time() - time.time_ns() / 1e9) < 1.0, time.time() > 1.7e9)  # expect: True True
print(type(time.process_time()).__name__, time.process_time() >= 0, time.process_time_ns() >= 0)  # expect: float True True
print(time.sleep(0), time.sleep(False))  # expect: None None
show(lambda: time.sleep(-1))  # expect: ValueError: sleep length must be non-negative
show(lambda: time.sleep("1"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
show(lambda: time.sleep(None))  # expect: TypeError: 'NoneType' object cannot be interpreted as an integer
show(lambda: time.sleep(float("nan")))  # expect: ValueError: Invalid value NaN (not a number)
show(lambda: time.sleep())  # expect: TypeError: time.sleep() takes exactly one argument (0 given)
show(lambda: time.sleep(1, 2))  # expect: TypeError: time.sleep() takes exactly one argument (2 given)
show(lambda: time.sleep(secs=1))  # expect: TypeError: time.sleep() takes no keyword arguments
show(lambda: time.time(1))  # expect: TypeError: time.time() takes no arguments (1 given)
show(lambda: time.perf_counter(x=1))  # expect: TypeError: time.perf_counter() takes no keyword arguments
show(lambda: time.sleep(float("inf")))  # expect: OverflowError: timestamp out of range for platform time_t
time.sleep(-0.5)  # expect-error: ValueError: sleep length must be non-negative
