# Everyday idioms from the lessons (expectations at the end, in order).
d = {"a": 3, "b": 1, "c": 2}
print(sorted(d.items(), key=lambda kv: kv[1]), list(zip(*[[1, 2], [3, 4]])))
print(" ".join(map(str, [1, 2, 3])), list(enumerate("ab", start=5)))
class P:
    def __init__(self): self.items = []
    def add(self, x):
        self.items.append(x)
        return self
print(P().add(1).add(2).items, P().__class__.__name__)
x = 3
print(isinstance(x, int) and not isinstance(x, bool), type(x) == int)
def apply(fn, *args, **kwargs): return fn(*args, **kwargs)
print(apply(max, 1, 5, 3), apply(sorted, [3, 1], reverse=True))
matrix = [[1, 2, 3], [4, 5, 6]]
print([sum(row) for row in matrix], [max(col) for col in zip(*matrix)])
words = "the quick brown the lazy the".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
print(list(reversed(range(3))), list(map(int, ["1", "2"])), min([[2], [1, 5]]))
s = set()
for c in "hello": s.add(c)
print(sorted(s), len(s))
a = b = c = 0
a += 1
print(a, b, c)
print(f"{'%.2f' % 3.14159} {format(0.5, '.1%')} {format(42, '08b')}")
nums = list(range(10))
print(nums[2:8:3], nums[-3:], nums[:-7], nums[::-3])
print(divmod(17, 5), 17 % 5, -17 % 5, 2 ** 0, 0 ** 0)
print(str(3) * 3, [None] * 2, (0,) * 3, "=" * 10)
t = tuple(i * i for i in range(4))
print(t, t.index(4), t.count(9), 4 in t)
def kw(a, b=2, *args, c, d=4, **rest): return a, b, args, c, d, rest
print(kw(1, c=3), kw(1, 2, 3, 4, c=5, e=6))
lst = [5, 2, 8]
lst.remove(2); lst.insert(0, 1); lst.reverse()
print(lst, lst.copy() == lst, lst.copy() is lst)
print(chr(65) + chr(0x263A), ord("é"), repr("tab\there"), repr("new\nline"))
print(int(-7 / 2), -7 // 2, round(-7 / 2), abs(-7) // 2)

# expect: [('b', 1), ('c', 2), ('a', 3)] [(1, 3), (2, 4)]
# expect: 1 2 3 [(5, 'a'), (6, 'b')]
# expect: [1, 2] P
# expect: True True
# expect: 5 [3, 1]
# expect: [6, 15] [4, 5, 6]
# expect: {'the': 3, 'quick': 1, 'brown': 1, 'lazy': 1} the
# expect: [2, 1, 0] [1, 2] [1, 5]
# expect: ['e', 'h', 'l', 'o'] 4
# expect: 1 0 0
# expect: 3.14 50.0% 00101010
# expect: [2, 5] [7, 8, 9] [0, 1, 2] [9, 6, 3, 0]
# expect: (3, 2) 2 3 1 1
# expect: 333 [None, None] (0, 0, 0) ==========
# expect: (0, 1, 4, 9) 2 1 True
# expect: (1, 2, (), 3, 4, {}) (1, 2, (3, 4), 5, 4, {'e': 6})
# expect: [8, 5, 1] True False
# expect: A☺ 233 'tab\there' 'new\nline'
# expect: -3 -4 -4 3
