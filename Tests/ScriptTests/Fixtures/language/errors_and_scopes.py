# Scoping corner cases and CPython's messages for common mistakes (expectations at the end, in order).
x = "global"
def a():
    x = "a"
    def b():
        global x
        x = "set by b"
    b()
    return x
print(a(), x)
def outer():
    n = 0
    def mid():
        def inner():
            nonlocal n
            n += 10
        inner()
    mid()
    return n
print(outer())
class K:
    y = 1
    def m(self):
        try:
            return y
        except NameError as e:
            return str(e)
print(K().m())
def f():
    try:
        raise ValueError("v")
    except ValueError as e:
        pass
    try:
        return e
    except NameError as err:
        return "deleted: " + str(err)
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("fin", i)
    return i
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
try:
    try:
        raise KeyError(1)
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", repr(e))
def nested_raise():
    try:
        raise TypeError("t")
    except TypeError:
        try:
            raise ValueError("v")
        except ValueError as e:
            return repr(e.__context__)
print(nested_raise())
lst = []
def append_default(item, target=lst):
    target.append(item)
    return target
append_default(1); print(append_default(2))
def kwonly(*, a, b=2): return a + b
print(kwonly(a=1))
try: kwonly(1)
except TypeError as e: print(e)
try: kwonly()
except TypeError as e: print(e)
def varargs(*args, **kw): return len(args), sorted(kw)
print(varargs(1, 2, x=1, y=2))
print((lambda *a, **k: (a, k))(1, b=2))
def two(a, b): pass
try: two(1, a=1)
except TypeError as e: print(e)
try: two(1, 2, 3, 4)
except TypeError as e: print(e)
def opt(a, b=1): pass
try: opt(1, 2, 3)
except TypeError as e: print(e)
try: opt()
except TypeError as e: print(e)
def three(a, b, c): pass
try: three()
except TypeError as e: print(e)
try: three(1)
except TypeError as e: print(e)
try: len(5)
except TypeError as e: print(e)
try: [].pop()
except IndexError as e: print(e)
try: int("3.5")
except ValueError as e: print(e)
try: float("abc")
except ValueError as e: print(e)
try: "a" < 1
except TypeError as e: print(e)
try: -"a"
except TypeError as e: print(e)
try: nothing = None; nothing()
except TypeError as e: print(e)
try: for_x = [x for x in 5]
except TypeError as e: print(e)
try: {}[[1]]
except TypeError as e: print(e)
try: (1, 2)[0] = 5
except TypeError as e: print(e)
try: "abc"[10]
except IndexError as e: print(e)
try: (1,)[1]
except IndexError as e: print(e)
try: key = ""; [1][key]
except TypeError as e: print(e)
try: raise NotImplementedError
except RuntimeError as e: print("caught as RuntimeError", type(e).__name__)
try: 1.5 % 0
except ZeroDivisionError as e: print(e)
try: 10 / 0.0
except ZeroDivisionError as e: print(e)
try: sum(["a"])
except TypeError as e: print(e)
try: max([])
except ValueError as e: print(e)
try: object().x
except AttributeError as e: print(e)
try: K.zzz
except AttributeError as e: print(e)
try: import nonexistent
except ModuleNotFoundError as e: print(e)
class Base:
    def __init__(self, a): self.a = a
class Child(Base): pass
print(Child(5).a)
try: Child()
except TypeError as e: print(e)
class NoInit: pass
try: NoInit(1)
except TypeError as e: print(e)
print(str(Exception("a", "b")), repr(Exception("a", "b")), str(Exception()))

# expect: a set by b
# expect: 10
# expect: name 'y' is not defined
# expect: deleted: cannot access local variable 'e' where it is not associated with a value
# expect: fin 0
# expect: fin 1
# expect: 1
# expect: 2
# expect: inner finally
# expect: outer caught KeyError(1)
# expect: TypeError('t')
# expect: [1, 2]
# expect: 3
# expect: kwonly() takes 0 positional arguments but 1 was given
# expect: kwonly() missing 1 required keyword-only argument: 'a'
# expect: (2, ['x', 'y'])
# expect: ((1,), {'b': 2})
# expect: two() got multiple values for argument 'a'
# expect: two() takes 2 positional arguments but 4 were given
# expect: opt() takes from 1 to 2 positional arguments but 3 were given
# expect: opt() missing 1 required positional argument: 'a'
# expect: three() missing 3 required positional arguments: 'a', 'b', and 'c'
# expect: three() missing 2 required positional arguments: 'b' and 'c'
# expect: object of type 'int' has no len()
# expect: pop from empty list
# expect: invalid literal for int() with base 10: '3.5'
# expect: could not convert string to float: 'abc'
# expect: '<' not supported between instances of 'str' and 'int'
# expect: bad operand type for unary -: 'str'
# expect: 'NoneType' object is not callable
# expect: 'int' object is not iterable
# expect: unhashable type: 'list'
# expect: 'tuple' object does not support item assignment
# expect: string index out of range
# expect: tuple index out of range
# expect: list indices must be integers or slices, not str
# expect: caught as RuntimeError NotImplementedError
# expect: float modulo
# expect: float division by zero
# expect: unsupported operand type(s) for +: 'int' and 'str'
# expect: max() arg is an empty sequence
# expect: 'object' object has no attribute 'x'
# expect: type object 'K' has no attribute 'zzz'
# expect: No module named 'nonexistent'
# expect: 5
# expect: Base.__init__() missing 1 required positional argument: 'a'
# expect: NoInit() takes no arguments
# expect: ('a', 'b') Exception('a', 'b') 
