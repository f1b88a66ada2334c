# f-strings, str(), repr(), % formatting, str.format and a few methods.
name = "Ada"
pi = 3.14159
print(f"{name} has {len(name)} letters")  # expect: Ada has 3 letters
print(f"{pi:.2f} {pi:8.3f}| {42:05d} {255:x} {1234567:,}")  # expect: 3.14    3.142| 00042 ff 1,234,567
print(f"{name!r} {name:>6} {name:<6}| {name:^7}|")  # expect: 'Ada'    Ada Ada   |   Ada  |
print(f"{pi=:.1f} {1 + 1 = }")  # expect: pi=3.1 1 + 1 = 2
width = 6
print(f"{'x':{width}}|")  # expect: x     |
print("%s is %d years, %.1f%%" % ("Bob", 30, 99.5))  # expect: Bob is 30 years, 99.5%
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("a", "b"), "{x:>3}".format(x=7))  # expect: 1 + 2 = 3 aba   7
print(", ".join(["a", "b", "c"]), "a-b".split("-"), "  hi  ".strip())  # expect: a, b, c ['a', 'b'] hi
print("abc".upper(), "ABC".lower(), "hello".startswith("he"), "x".replace("x", "y"))  # expect: ABC abc True y
print(str(None), str(True), str([1, "a"]), repr((1, "a")))  # expect: None True [1, 'a'] (1, 'a')
print(1.0, 1e100, 1 / 3, -0.0, 100.0)  # expect: 1.0 1e+100 0.3333333333333333 -0.0 100.0
print("a" "b", "ab" * 2, "b" > "a", len("héllo"))  # expect: ab abab True 5
print(f"{3.0}", f"{[1, 2]}", f"{None}")  # expect: 3.0 [1, 2] None
print("x", "y", sep="-", end="!\n")  # expect: x-y!
print(f"{'a':d}")  # expect-error: ValueError: Unknown format code 'd' for object of type 'str'
