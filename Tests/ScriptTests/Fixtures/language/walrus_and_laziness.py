# := binds in the enclosing scope; generator expressions are lazy (expectations at the end, in order).
def f(data):
    if any((found := x) > 2 for x in data):
        return found
    return None
print(f([1, 5, 2]))
values = [y := 10, y + 1]
print(values, y)
print([last := n for n in range(3)], last)
def g():
    total = [(acc := i * 2) for i in range(4)]
    return acc, total
print(g())

# expect: 5
# expect: [10, 11] 10
# expect: [0, 1, 2] 2
# expect: (6, [0, 2, 4, 6])
