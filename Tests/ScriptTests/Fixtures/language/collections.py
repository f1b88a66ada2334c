# Lists, tuples, dicts, sets, ranges and slicing.
xs = [3, 1, 2]
xs.append(5)
xs.extend([0])
xs.insert(1, 9)
print(xs, len(xs))  # expect: [3, 9, 1, 2, 5, 0] 6
print(xs.pop(), xs.pop(0), xs)  # expect: 0 3 [9, 1, 2, 5]
xs.sort()
print(xs, sorted(xs, reverse=True), list(reversed(xs)))  # expect: [1, 2, 5, 9] [9, 5, 2, 1] [9, 5, 2, 1]
print(xs[1:3], xs[::-1], xs[-2:], xs[::2], xs[10:])  # expect: [2, 5] [9, 5, 2, 1] [5, 9] [1, 5] []
xs[1:3] = ["a", "b", "c"]
print(xs)  # expect: [1, 'a', 'b', 'c', 9]
del xs[0]
del xs[-1]
print(xs, xs.index("b"), xs.count("a"))  # expect: ['a', 'b', 'c'] 1 1
print([0] * 3, [1, 2] + [3], (1,) * 2)  # expect: [0, 0, 0] [1, 2, 3] (1, 1)
t = (1, "two", 3.0)
print(t, t[1], t[-1], len(t), (5,), ())  # expect: (1, 'two', 3.0) two 3.0 3 (5,) ()
print((1, 2) < (1, 3), [1, 2] == [1, 2], (1, 2) == [1, 2])  # expect: True True False
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), "a" in d, d.get("z"), d.get("z", 0))  # expect: {'b': 2, 'a': 1, 'c': 3} 3 True None 0
print(list(d.keys()), list(d.values()), list(d.items())[0])  # expect: ['b', 'a', 'c'] [2, 1, 3] ('b', 2)
del d["b"]
print(d.pop("a"), d, d.setdefault("n", []), d)  # expect: 1 {'c': 3, 'n': []} [] {'c': 3, 'n': []}
print(dict(a=1, b=2), dict([("x", 1)]), {1: "one", 1.0: "float one"})  # expect: {'a': 1, 'b': 2} {'x': 1} {1: 'float one'}
for key in {"p": 1, "q": 2}:
    print(key, end=" ")
print()  # expect: p q 
s = {3, 1, 3, 2}
s.add(4)
print(len(s), 3 in s, {1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2})  # expect: 4 True {1, 2, 3} {2} {1}
print(set(), set([1, 1, 2]))  # expect: set() {1, 2}
print(range(5), list(range(2, 10, 3)), list(range(5, 0, -2)), len(range(0, 10, 3)))  # expect: range(0, 5) [2, 5, 8] [5, 3, 1] 4
print(range(10)[2:8:2], range(10)[-1], 4 in range(0, 10, 2))  # expect: range(2, 8, 2) 9 True
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "xy")))  # expect: [(1, 'a'), (2, 'b')] [(1, 'x'), (2, 'y')]
print(any([0, 0, 1]), all([1, 0]), min("bca"), max([], default=-1))  # expect: True False a -1
nested = [[1, 2], [3, 4]]
copy = list(nested)
copy[0].append(99)
print(nested, nested[1][0])  # expect: [[1, 2, 99], [3, 4]] 3
a = [1]
a.append(a)
print(a)  # expect: [1, [...]]
print("hello"[1], "hello"[1:4], "hello"[::-1], "hello"[-1])  # expect: e ell olleh o
print([1, 2, 3][3])  # expect-error: IndexError: list index out of range
