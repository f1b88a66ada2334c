# Generator functions: yield, yield from, next(), early exit runs finally (expectations at the end, in order).
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count_up(4)), sum(count_up(5)))
g = count_up(2)
print(next(g), next(g), next(g, "done"))

def batches(data, size):
    for start in range(0, len(data), size):
        yield data[start:start + size]

for batch in batches(list(range(7)), 3):
    print(batch)

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], "ab", count_up(2))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

for x in with_finally():
    print("got", x)
    break
print("after break")

def nested():
    for x in count_up(3):
        yield x * 10

print(list(nested()), list(zip(count_up(3), fib())))

def raises():
    yield 1
    raise ValueError("inside generator")

try:
    for v in raises():
        print("v", v)
except ValueError as e:
    print("caught", e)

class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child

print(list(Tree(1, [Tree(2, [Tree(3)]), Tree(4)])))
print(type(count_up(1)).__name__)

# expect: [0, 1, 2, 3] 10
# expect: 0 1 done
# expect: [0, 1, 2]
# expect: [3, 4, 5]
# expect: [6]
# expect: [1, 2, 'a', 'b', 0, 1]
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# expect: got 1
# expect: cleanup
# expect: after break
# expect: [0, 10, 20] [(0, 0), (1, 1), (2, 1)]
# expect: v 1
# expect: caught inside generator
# expect: [1, 2, 3, 4]
# expect: generator
