# Ints at the edges of 64 bits where CPython gives an answer or its own error: range lengths and indices past
# 2**63, range slices, rounding big ints exactly, repetition and conversion limits.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


big, small = 9223372036854775807, -9223372036854775807 - 1
show(lambda: range(10)[:7:3])
show(lambda: (range(10)[::-1], range(0, 20, 3)[5:1:-2], range(10)[100:], range(10)[-100::-1]))
show(lambda: range(10)[::small])
show(lambda: range(10)[small::])
show(lambda: range(10)[big::-1])
show(lambda: len(range(small, big)))
show(lambda: len(range(big, small, -1)))
show(lambda: range(small, big)[-1])
show(lambda: range(small, big)[big])
show(lambda: range(small, big)[small])
show(lambda: range(small, big)[-big])
show(lambda: range(big)[big - 1])
show(lambda: range(big)[small])
show(lambda: range(0, big, 2**62)[1])
show(lambda: range(0, 10, 3)[-5])
show(lambda: list(enumerate([1, 2], big - 1)))
show(lambda: list(enumerate([1], big)))
show(lambda: list(enumerate("ab", small)))
show(lambda: round(1.5, -10**18))
show(lambda: round(-1.5, -400))
show(lambda: round(2.5, 10**18))
show(lambda: round(1234567890123456789, -2))
show(lambda: round(-1234567890123456789, -2))
show(lambda: (round(25, -1), round(35, -1), round(-25, -1), round(-35, -1)))
show(lambda: round(999999999999999999, -18))
show(lambda: round(5 * 10**18, -19))
show(lambda: round(big, -20))
show(lambda: "ab" * 4611686018427387904)
show(lambda: "a" * 10**18)
show(lambda: [0, 1] * 4611686018427387904)
show(lambda: (1, 2) * 4611686018427387904)
show(lambda: ([] * 2**62, () * big, "" * big, [] * small))
x = []
x *= 2**62
print(x)
show(lambda: chr(10**18))
show(lambda: chr(-2**40))
show(lambda: chr(2**31 - 1))
show(lambda: chr(-2**31))
show(lambda: "a\tb".expandtabs(small))
show(lambda: "a\tb".expandtabs(2**31))
show(lambda: "a\tb".expandtabs(-1))
show(lambda: "{99999999999999999999}".format(1))
show(lambda: "{0[99999999999999999999]}".format([1]))
show(lambda: "{9223372036854775807}".format(1))
show(lambda: "{0[9223372036854775807]}".format([1]))
show(lambda: "{0[1]}".format([1, 2]))
show(lambda: [1, 2, 3][big:])
show(lambda: [1, 2, 3][small:])
show(lambda: [1, 2, 3][::small])
show(lambda: [1, 2, 3][small::-1])
show(lambda: "abc"[::small])
show(lambda: [1, 2, 3][small])
show(lambda: (small % -1, small // 3, small % 3))
show(lambda: divmod(small, 1))
show(lambda: 1 << -1)
show(lambda: (-1 >> 10**18, 1 >> 10**18))
show(lambda: f"{1:{2**62}}")
show(lambda: f"{1.5:.{10**10}f}")
show(lambda: "%.9223372036854775807f" % 1.5)
show(lambda: int(float("inf")))
show(lambda: int(float("nan")))
show(lambda: "abc".find("b", small, big))
show(lambda: "a,b".split(",", big))
show(lambda: ("abc".rjust(small), "abc".center(-5), "abc".ljust(5, "x"), "abc".zfill(small)))
show(lambda: (hash(-1), hash(big), hash(2**61 - 1), hash(2**61), hash(small), hash(True)))
show(lambda: (hash(1.5), hash(-1.0), hash(float("inf")), hash(float("-inf")), hash(1e300), hash(0.1), hash(5e-324)))
show(lambda: (hash(9.2e18), hash(1.7976931348623157e308), hash(-1.5), hash(-0.0), hash(3.0**40)))

# expect: range(0, 7, 3)
# expect: (range(9, -1, -1), range(15, 3, -6), range(10, 10), range(-1, -1, -1))
# expect: range(9, -1, -9223372036854775808)
# expect: range(0, 10)
# expect: range(9, -1, -1)
# expect: OverflowError: Python int too large to convert to C ssize_t
# expect: OverflowError: Python int too large to convert to C ssize_t
# expect: 9223372036854775806
# expect: -1
# expect: -1
# expect: 0
# expect: 9223372036854775806
# expect: IndexError: range object index out of range
# expect: 4611686018427387904
# expect: IndexError: range object index out of range
# expect: [(9223372036854775806, 1), (9223372036854775807, 2)]
# expect: [(9223372036854775807, 1)]
# expect: [(-9223372036854775808, 'a'), (-9223372036854775807, 'b')]
# expect: 0.0
# expect: -0.0
# expect: 2.5
# expect: 1234567890123456800
# expect: -1234567890123456800
# expect: (20, 40, -20, -40)
# expect: 1000000000000000000
# expect: 0
# expect: 0
# expect: OverflowError: repeated string is too long
# expect: MemoryError: 
# expect: MemoryError: 
# expect: MemoryError: 
# expect: ([], (), '', [])
# expect: []
# expect: OverflowError: Python int too large to convert to C int
# expect: OverflowError: Python int too large to convert to C int
# expect: ValueError: chr() arg not in range(0x110000)
# expect: ValueError: chr() arg not in range(0x110000)
# expect: OverflowError: Python int too large to convert to C int
# expect: OverflowError: Python int too large to convert to C int
# expect: 'ab'
# expect: ValueError: Too many decimal digits in format string
# expect: ValueError: Too many decimal digits in format string
# expect: IndexError: Replacement index 9223372036854775807 out of range for positional args tuple
# expect: IndexError: list index out of range
# expect: '2'
# expect: []
# expect: [1, 2, 3]
# expect: [3]
# expect: []
# expect: 'c'
# expect: IndexError: list index out of range
# expect: (0, -3074457345618258603, 1)
# expect: (-9223372036854775808, 0)
# expect: ValueError: negative shift count
# expect: (-1, 0)
# expect: MemoryError: 
# expect: ValueError: precision too big
# expect: ValueError: precision too big
# expect: OverflowError: cannot convert float infinity to integer
# expect: ValueError: cannot convert float NaN to integer
# expect: 1
# expect: ['a', 'b']
# expect: ('abc', 'abc', 'abcxx', 'abc')
# expect: (-2, 3, 0, 1, -4, 1)
# expect: (1152921504606846977, -2, 314159, -314159, 1224995262755759164, 230584300921369408, 16777216)
# expect: (2282470972358918147, 2234066890152476671, -1152921504606846977, 0, 628450412988459013)
