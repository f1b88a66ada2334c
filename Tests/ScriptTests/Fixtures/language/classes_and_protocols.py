# Properties, iterator/call/comparison protocols, diamond MRO, finally in loops (expectations at the end, in order).
class Temp:
    def __init__(self): self._c = 0
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
t = Temp(); t.c = 5; print(t.c)
try: t.c = -300
except ValueError as e: print(e)
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), 2 in Countdown(5))
class Adder:
    def __init__(self, k): self.k = k
    def __call__(self, x): return x + self.k
print(Adder(3)(4), callable(Adder(1)))
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
for i in range(3):
    try:
        if i == 1: continue
        print("body", i)
    finally:
        print("finally", i)
def gen_total():
    total = 0
    for x in [1, 2, 3]:
        total += x
    return total
print(gen_total())
d = {"x": 1, "y": 2}
for k, v in d.items(): print(k, v)
print(sorted(d, key=lambda k: -d[k]))
class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"P({self.x})"
    def __lt__(self, o): return self.x < o.x
print(sorted([P(3), P(1), P(2)]), max([P(3), P(5)]))
x = 5
def read_global(): return x
print(read_global())
print(isinstance(ValueError("x"), Exception), issubclass(KeyError, LookupError))
e = KeyError("missing")
print(e.args, str(e), repr(e))
print(type(e) is KeyError, type(e).__name__)
try:
    raise ValueError
except ValueError as err:
    print(repr(err), err.args)
print("a,b,,c".split(","), " x y ".split(), "-".join(str(i) for i in range(3)))
print(divmod(7.5, 2), 7.5 // -2, -7.5 % 2)
n = 0
while n < 3:
    n += 1
    if n == 2: break
else:
    print("no")
print(n)
print(bool(0.0), bool(None), bool(()), bool({0}))
print(list(filter(None, [0, 1, "", "a"])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(f"{'nested ' + str(1)}", f"{3:>{2+2}}", f"{{literal}}")
lst = [3, 1, 2]
print(lst.sort(), lst)
print(int(True), float(False), str(1.5), repr("it's"), repr('say "hi"'))
print(ascii("é"), ord("a"), chr(97))
print(abs(-0.0), -5 // 2.0, 5 % -3.0)
print(1 == True, "1" == 1, None == 0, [] == [])

# expect: 5
# expect: too cold
# expect: [2, 1, 0] True
# expect: 7 True
# expect: DBCA ['D', 'B', 'C', 'A', 'object']
# expect: body 0
# expect: finally 0
# expect: finally 1
# expect: body 2
# expect: finally 2
# expect: 6
# expect: x 1
# expect: y 2
# expect: ['y', 'x']
# expect: [P(1), P(2), P(3)] P(5)
# expect: 5
# expect: True True
# expect: ('missing',) 'missing' KeyError('missing')
# expect: True KeyError
# expect: ValueError() ()
# expect: ['a', 'b', '', 'c'] ['x', 'y'] 0-1-2
# expect: (3.0, 1.5) -4.0 0.5
# expect: 2
# expect: False False False True
# expect: [1, 'a'] [3, 8]
# expect: nested 1    3 {literal}
# expect: None [1, 2, 3]
# expect: 1 0.0 1.5 "it's" 'say "hi"'
# expect: '\xe9' 97 a
# expect: 0.0 -3.0 -1.0
# expect: True False False True
