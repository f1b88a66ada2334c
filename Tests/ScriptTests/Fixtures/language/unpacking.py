# Assignment targets: tuples, nesting, starred, chained, augmented, walrus, swaps.
a, b = 1, 2
a, b = b, a
print(a, b)  # expect: 2 1
(x, y), z = (1, 2), 3
print(x, y, z)  # expect: 1 2 3
first, *middle, last = range(6)
print(first, middle, last)  # expect: 0 [1, 2, 3, 4] 5
*init, tail = "abc"
print(init, tail)  # expect: ['a', 'b'] c
p = q = [0]
p.append(1)
print(q)  # expect: [0, 1]
items = [1, 2]
items += [3]
items[0] += 10
print(items)  # expect: [11, 2, 3]
counts = {"k": 1}
counts["k"] += 1
print(counts)  # expect: {'k': 2}
for i, (name, score) in enumerate([("a", 1), ("b", 2)]):
    print(i, name, score)  # expect: 0 a 1
# expect: 1 b 2
data = [1, 5, 2]
if (n := len(data)) > 2:
    print("long", n)  # expect: long 3
print([*data, *"xy"], {**{"a": 1}, "b": 2})  # expect: [1, 5, 2, 'x', 'y'] {'a': 1, 'b': 2}
a, *b = 1,
print(a, b)  # expect: 1 []
x, y, *rest = [1]  # expect-error: ValueError: not enough values to unpack (expected at least 2, got 1)
