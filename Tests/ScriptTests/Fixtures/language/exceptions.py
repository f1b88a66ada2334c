# Exceptions: hierarchy, handlers, else/finally, chaining, custom classes.
def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 / n

for n in [2, 0]:
    try:
        result = risky(n)
    except ValueError as e:
        print("error:", e)
    else:
        print("ok", result)
    finally:
        print("done", n)
# expect: ok 5.0
# expect: done 2
# expect: error: zero
# expect: done 0

try:
    [1, 2][5]
except LookupError as e:
    print(type(e).__name__, e)  # expect: IndexError list index out of range

try:
    {"a": 1}["b"]
except (TypeError, KeyError) as e:
    print(repr(e), e.args)  # expect: KeyError('b') ('b',)

try:
    1 / 0
except ArithmeticError as e:
    print(e)  # expect: division by zero


class AppError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


try:
    raise AppError(42)
except Exception as e:
    print(e, e.code, isinstance(e, AppError))  # expect: code 42 42 True

try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "<-", repr(e.__cause__))  # expect: wrapped <- ValueError("invalid literal for int() with base 10: 'x'")


def finally_wins():
    try:
        return "try"
    finally:
        print("cleanup")


print(finally_wins())  # expect: cleanup
# expect: try

try:
    try:
        raise KeyError("k")
    except KeyError:
        raise
except KeyError as e:
    print("reraised", e)  # expect: reraised 'k'

try:
    undefined_name
except NameError as e:
    print(e)  # expect: name 'undefined_name' is not defined

try:
    None.x
except AttributeError as e:
    print(e)  # expect: 'NoneType' object has no attribute 'x'

try:
    1 + "a"
except TypeError as e:
    print(e)  # expect: unsupported operand type(s) for +: 'int' and 'str'

try:
    5[0]
except TypeError as e:
    print(e)  # expect: 'int' object is not subscriptable

try:
    hash([1])
except TypeError as e:
    print(e)  # expect: unhashable type: 'list'

try:
    a, b = 1
except TypeError as e:
    print(e)  # expect: cannot unpack non-iterable int object

try:
    a, b, c = (1, 2)
except ValueError as e:
    print(e)  # expect: not enough values to unpack (expected 3, got 2)

try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)  # expect: too many values to unpack (expected 2)


def f(a, b):
    return a


try:
    f(1, 2, 3)
except TypeError as e:
    print(e)  # expect: f() takes 2 positional arguments but 3 were given

try:
    f(1)
except TypeError as e:
    print(e)  # expect: f() missing 1 required positional argument: 'b'

try:
    f(1, 2, c=3)
except TypeError as e:
    print(e)  # expect: f() got an unexpected keyword argument 'c'


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print(e)  # expect: maximum recursion depth exceeded

assert 1 + 1 == 2, "math"
assert False, "custom message"  # expect-error: AssertionError: custom message
