# Number semantics, reprs and formatting (expectations at the end, in order).
print(*[1, 2, 3], sep=", ")
print("%(a)s-%(b)d" % {"a": "x", "b": 3})
print("%s" % [1, 2], "%s %s" % ("a", (1, 2)) if False else "skip")
print([0.1, 1e-10, float("nan"), -float("inf")], {"k": 2.50})
print(f"{1e-10:.3g} {123456789:e} {0.5:.0f} {1.5:.0f} {2.5:.0f}")
print(round(0.125, 2), round(0.375, 2), round(-1.5), round(1e15))
print(10 ** 18, 10 ** 18 * 9, -9223372036854775808)
print(7 // -1, -7 // 1, 0 // 5, -0.0 // 1)
print(3 ** 3 ** 2, 2 ** -2, (-8) ** (1/3) if False else 0, 4 ** 0.5)
print(1 / 7, 2 / 3, 1e15 / 3, 100 / 10)
print(int("-0"), int("+5"), int("1_000"), float("1_0.5"))
print(True * 3, True / 2, False ** 0, -True)
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print(sorted([3.5, 1, 2.25, -1]), sorted(["b", "A", "a"]))
print(max(1, 2.5), min(-0.0, 0), max(True, 0))
print(list(range(10, 0, -3)), list(range(-5)), range(1, 10, 2)[::-1])
print([1, 2, 3][-1:-4:-1], "abcdef"[1::2], [1,2,3,4,5][100:-100:-1])
print(hash(1) == hash(1.0), hash("a") == hash("a"), {1: "a", True: "b"})
print(type(range(3)).__name__, type([].append).__name__, type(len).__name__)
print(isinstance(1.0, (int, float)), isinstance([], list), isinstance({}, dict))
print(str(1e22), str(1.0e-5), repr(123.456), 5e-324, 1.7976931348623157e308)
print(divmod(-7.5, 2), divmod(7, -2), pow(2, 10), pow(2.0, -1))
print(bool([0]), bool(""), not None, (1, 2) and [], [] or None)
print(1 < 2 > 1.5 != 3, 1 == 1 == 1.0, "a" < "b" < "c")
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|{3.14159:010.3f}|{-5:+d}|{5:+d}")
print(f"{12:b} {12:o} {255:X} {255:#x} {1000000:_}")

# expect: 1, 2, 3
# expect: x-3
# expect: [1, 2] skip
# expect: [0.1, 1e-10, nan, -inf] {'k': 2.5}
# expect: 1e-10 1.234568e+08 0 2 2
# expect: 0.12 0.38 -2 1000000000000000
# expect: 1000000000000000000 9000000000000000000 -9223372036854775808
# expect: -7 -7 0 -0.0
# expect: 19683 0.25 0 2.0
# expect: 0.14285714285714285 0.6666666666666666 333333333333333.3 10.0
# expect: 0 5 1000 10.5
# expect: 3 0.5 1 -1
# expect: False True
# expect: [-1, 1, 2.25, 3.5] ['A', 'a', 'b']
# expect: 2.5 -0.0 True
# expect: [10, 7, 4, 1] [] range(9, -1, -2)
# expect: [3, 2, 1] bdf [5, 4, 3, 2, 1]
# expect: True True {1: 'b'}
# expect: range builtin_function_or_method builtin_function_or_method
# expect: True True True
# expect: 1e+22 1e-05 123.456 5e-324 1.7976931348623157e+308
# expect: (-4.0, 0.5) (-4, -1) 1024 0.5
# expect: True False True [] None
# expect: True True True
# expect: left    |   right|   mid   |000003.142|-5|+5
# expect: 1100 14 FF 0xff 1_000_000
