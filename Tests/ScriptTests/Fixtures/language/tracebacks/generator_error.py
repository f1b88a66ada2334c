def gen():
    yield 1
    yield 2
kept = []
for i in range(1000):
    g = gen()
    next(g)
for i in range(10):
    g = gen(); next(g); kept.append(g)
print("ok", len(kept))
def rec(n):
    if n == 0:
        yield "bottom"
        return
    yield from rec(n - 1)
print(list(rec(50)))
def bad():
    yield 1
    x = 1 / 0
    yield x
for v in bad():
    print(v)
