# Arithmetic, comparisons and truthiness, as CPython evaluates them.
print(1 + 2 * 3)  # expect: 7
print(7 // 2, -7 // 2, 7 // -2)  # expect: 3 -4 -4
print(7 % 3, -7 % 3, 7 % -3)  # expect: 1 2 -2
print(7.5 // 2, -7.5 % 2)  # expect: 3.0 0.5
print(2 ** 10, 2 ** -1, (-2) ** 3)  # expect: 1024 0.5 -8
print(1 / 2, 4 / 2)  # expect: 0.5 2.0
print(0.1 + 0.2)  # expect: 0.30000000000000004
print(1 < 2 < 3, 1 < 3 < 2)  # expect: True False
print(1 == 1.0, True + True)  # expect: True 2
print(not 0, not [], bool("x"))  # expect: True True True
print(0 or "default", 3 and 4)  # expect: default 4
print(None is None, [] is [])  # expect: True False
print(3 in [1, 2, 3], "b" in "abc", 5 not in range(3))  # expect: True True True
print(-3 >> 1, 1 << 10, 6 & 3, 6 | 3, 6 ^ 3, ~5)  # expect: -2 1024 2 7 5 -6
print(abs(-4), abs(-2.5), min(3, 1, 2), max([4, 9, 2]))  # expect: 4 2.5 1 9
print(sum([1, 2, 3]), sum([0.5, 0.25], 1))  # expect: 6 1.75
print(divmod(-7, 2), round(2.5), round(3.14159, 2))  # expect: (-4, 1) 2 3.14
print(int("42"), int(3.9), int(-3.9), float("1.5"), float(3))  # expect: 42 3 -3 1.5 3.0
print(str(12) + "!", repr("a'b"), repr(1.0))  # expect: 12! "a'b" 1.0
print(1e16, 1.5e-7, float("inf"), -float("inf"))  # expect: 1e+16 1.5e-07 inf -inf
x = 10
x += 5
x *= 2
print(x)  # expect: 30
print(type(1), type(1.0), type("s"), type(None))  # expect: <class 'int'> <class 'float'> <class 'str'> <class 'NoneType'>
print(isinstance(True, int), isinstance(1, (str, float)))  # expect: True False
