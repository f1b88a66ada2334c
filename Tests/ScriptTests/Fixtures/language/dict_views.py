# dict views: live, printed as dict_keys([...]) (expectations at the end, in order).
d = {"a": 1, "b": 2}
k = d.keys()
print(k, d.values(), d.items(), len(k), "a" in k, ("a", 1) in d.items())
d["c"] = 3
print(k, list(k), sorted(d.values(), reverse=True))
for key, value in d.items():
    print(key, value)
print(type(k).__name__, [x for x in d.values()], max(d.values()), sum(d.values()))
a, b, c = d.values()
print(a, b, c, tuple(d.items())[0])

# expect: dict_keys(['a', 'b']) dict_values([1, 2]) dict_items([('a', 1), ('b', 2)]) 2 True True
# expect: dict_keys(['a', 'b', 'c']) ['a', 'b', 'c'] [3, 2, 1]
# expect: a 1
# expect: b 2
# expect: c 3
# expect: dict_keys [1, 2, 3] 3 6
# expect: 1 2 3 ('a', 1)
