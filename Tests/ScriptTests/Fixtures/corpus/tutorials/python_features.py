"""A tour of the Python the lessons use beyond tensors."""
from collections import OrderedDict
import math, random as rnd


def fib(n):
    a, b = 0, 1
    while n > 0:
        a, b = b, a + b
        n -= 1
    return a


def apply(f, *args, scale=1, **options):
    result = f(*args)
    if options.get("verbose"):
        print("applied", f.__name__, "to", args)
    return result * scale


class Counter:
    count = 0

    def __init__(self, start=0):
        self.value = start
        Counter.count += 1

    def __repr__(self):
        return f"Counter({self.value!r})"

    def __call__(self, step=1):
        self.value += step
        return self

    @property
    def doubled(self):
        return self.value * 2

    @staticmethod
    def zero():
        return Counter()


def timer(fn):
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        finally:
            pass
    return wrapper


@timer
def risky(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    assert x != 13, "unlucky"
    return math.sqrt(x)


values = [fib(i) for i in range(10)]
squares = {n: n * n for n in values if n % 2 == 0}
unique = {v % 3 for v in values}
pairs = list(zip(values, values[1:]))
total = sum(v for v in values)
nested = [[i * j for j in range(3)] for i in range(3)]
flat = [x for row in nested for x in row]
print(values, squares, unique, pairs[:2], total, flat)

c = Counter(5)(2)(3)
print(c, c.doubled, Counter.count, Counter.zero())

for x in (4, -1, 13):
    try:
        print(risky(x))
    except ValueError as e:
        print("error:", e)
    except AssertionError as e:
        print("assert:", e)
    else:
        print("ok")

d = OrderedDict()
d["b"] = 2
d["a"] = 1
for k, v in sorted(d.items()):
    print(k, v, sep="=", end="; ")
print()

matrix = [[1, 2], [3, 4]]
(a, b), (c2, d2) = matrix
first, *rest = range(5)
print(a, d2, first, rest)

s = "  Hello, World  "
print(s.strip().lower().replace("world", "there").split(", "))
print("%s has %d items (%.1f%%)" % ("list", 3, 42.5))
print("{} {:>5} {name}".format(1, "x", name="n"))
x = 10
x //= 3
x **= 2
x %= 5
flags = x > 1 and not (x == 3 or x is None)
label = "big" if x > 2 else "small" if x > 0 else "none"
print(x, flags, label, -x ** 2, (-x) ** 2, 2 ** -1, 7 // -2, -7 % 3)
print(abs(-3), round(2.675, 2), divmod(17, 5), pow(2, 10), max([1, 5, 3]), min(4, 2))
print(isinstance(c, Counter), hasattr(c, "value"), getattr(c, "missing", None))
print(list(map(lambda t: t[0] + t[1], pairs))[:3], list(filter(None, [0, 1, 2])))
print(any(v > 30 for v in values), all(v >= 0 for v in values))
print(sorted(values, reverse=True)[:3], list(reversed(values))[:2], list(enumerate("ab", 1)))
del d["a"]
g = 0

def bump():
    global g
    g += 1
    def inner():
        nonlocal_counter = 0
        return nonlocal_counter
    return inner()

bump()
print(g, rnd.random() < 1.0)
