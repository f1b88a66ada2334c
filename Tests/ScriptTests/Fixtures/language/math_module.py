# The math module: constants, float functions with CPython's domain and range errors, exact integer functions.
import math


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(math.pi, math.e, math.tau, math.inf, math.nan)  # expect: 3.141592653589793 2.718281828459045 6.283185307179586 inf nan
print(math.sqrt(2), math.exp(1), math.expm1(1e-10), math.log(10), math.log(8, 2), math.log(100, 10))  # expect: 1.4142135623730951 2.718281828459045 1.00000000005e-10 2.302585092994046 3.0 2.0
print(math.log2(8), math.log10(1000), math.log1p(1e-10), math.pow(2, 0.5), math.pow(2, 10))  # expect: 3.0 3.0 9.999999999500001e-11 1.4142135623730951 1024.0
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))  # expect: 0.8414709848078965 0.5403023058681398 1.5574077246549023 0.5235987755982989 1.0471975511965979 0.7853981633974483 2.356194490192345
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.degrees(math.pi), math.radians(180))  # expect: 1.1752011936438014 1.5430806348152437 0.46211715726000974 180.0 3.141592653589793
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-3.7), math.floor(7), math.ceil(True), type(math.floor(2.0)))  # expect: -3 3 -3 7 1 <class 'int'>
print(math.fabs(-3), math.fmod(-7, 3), math.copysign(1, -0.0), math.modf(3.5), math.modf(-2.25), math.frexp(8.0))  # expect: 3.0 -1.0 -1.0 (0.5, 3.0) (-0.25, -2.0) (0.5, 4)
print(math.ldexp(1.5, 3), math.ldexp(0.0, 5), math.frexp(0.0), math.modf(math.inf))  # expect: 12.0 0.0 (0.0, 0) (0.0, inf)
print(math.isclose(1, 1.0000000001), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))  # expect: True False True True
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.nan))  # expect: True True True False
print(math.factorial(0), math.factorial(5), math.factorial(20), math.gcd(12, 18, 4), math.gcd(), math.gcd(-4, 6))  # expect: 1 120 2432902008176640000 2 0 2
print(math.lcm(4, 6), math.lcm(), math.lcm(3, 0), math.comb(5, 2), math.comb(5, 7), math.comb(60, 30), math.perm(5), math.perm(5, 2))  # expect: 12 1 0 10 0 118264581564861424 120 20
print(math.prod([1, 2, 3], start=2), math.prod([1.5, 2]), math.prod([]), math.prod(range(1, 6)))  # expect: 12 3.0 1 120
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum(i / 7 for i in range(100)))  # expect: 1.0 0.9999999999999999 1.0 707.1428571428571
print(math.hypot(3, 4), math.hypot(1.5, 2.5, 3.5), math.hypot(), math.hypot(-2), math.dist((1, 2, 3), (4, 5, 6)), math.dist([0.1, 0.7], [0.3, 0.2]))  # expect: 5.0 4.55521678957215 0.0 2.0 5.196152422706632 0.5385164807134504
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.lgamma(1), round(math.gamma(0.5), 12), round(math.lgamma(10.5), 10))  # expect: 0.5204998778130465 0.4795001221869535 24.0 0.0 1.772453850906 13.9406252194
print(math.isqrt(10), math.isqrt(0), math.isqrt(10**15), math.isqrt(9223372036854775807))  # expect: 3 0 31622776 3037000499
print(math.exp(-math.inf), math.sqrt(math.inf), math.atan(math.inf), math.pow(math.inf, 2), math.fsum([math.inf, 1]))  # expect: 0.0 inf 1.5707963267948966 inf inf

show(lambda: math.sqrt(-1))  # expect: ValueError: math domain error
show(lambda: math.log(0))  # expect: ValueError: math domain error
show(lambda: math.log(-1, 10))  # expect: ValueError: math domain error
show(lambda: math.log(2, 1))  # expect: ZeroDivisionError: float division by zero
show(lambda: math.log2(0))  # expect: ValueError: math domain error
show(lambda: math.log1p(-1))  # expect: ValueError: math domain error
show(lambda: math.acos(2))  # expect: ValueError: math domain error
show(lambda: math.sin(math.inf))  # expect: ValueError: math domain error
show(lambda: math.fmod(5, 0))  # expect: ValueError: math domain error
show(lambda: math.pow(0, -1))  # expect: ValueError: math domain error
show(lambda: math.pow(-8, 1 / 3))  # expect: ValueError: math domain error
show(lambda: math.pow(10, 400))  # expect: OverflowError: math range error
show(lambda: math.exp(1000))  # expect: OverflowError: math range error
show(lambda: math.cosh(1000))  # expect: OverflowError: math range error
show(lambda: math.ldexp(1.0, 1100))  # expect: OverflowError: math range error
show(lambda: math.ldexp(1.0, 2.0))  # expect: TypeError: Expected an int as second argument to ldexp.
show(lambda: math.gamma(0))  # expect: ValueError: math domain error
show(lambda: math.gamma(-1))  # expect: ValueError: math domain error
show(lambda: math.gamma(200))  # expect: OverflowError: math range error
show(lambda: math.lgamma(-2))  # expect: ValueError: math domain error
show(lambda: math.atanh(1))  # expect: ValueError: math domain error
show(lambda: math.floor(math.nan))  # expect: ValueError: cannot convert float NaN to integer
show(lambda: math.ceil(math.inf))  # expect: OverflowError: cannot convert float infinity to integer
show(lambda: math.trunc("a"))  # expect: TypeError: type str doesn't define __trunc__ method
show(lambda: math.floor("a"))  # expect: TypeError: must be real number, not str
show(lambda: math.sqrt("a"))  # expect: TypeError: must be real number, not str
show(lambda: math.sqrt(1, 2))  # expect: TypeError: math.sqrt() takes exactly one argument (2 given)
show(lambda: math.sqrt())  # expect: TypeError: math.sqrt() takes exactly one argument (0 given)
show(lambda: math.sqrt(x=1))  # expect: TypeError: math.sqrt() takes no keyword arguments
show(lambda: math.log())  # expect: TypeError: math.log requires 1 to 2 arguments
show(lambda: math.log(x=2))  # expect: TypeError: log() takes no keyword arguments
show(lambda: math.pow(2))  # expect: TypeError: pow expected 2 arguments, got 1
show(lambda: math.copysign(1))  # expect: TypeError: copysign expected 2 arguments, got 1
show(lambda: math.factorial(-1))  # expect: ValueError: factorial() not defined for negative values
show(lambda: math.factorial(2.0))  # expect: TypeError: 'float' object cannot be interpreted as an integer
show(lambda: math.gcd(1.5))  # expect: TypeError: 'float' object cannot be interpreted as an integer
show(lambda: math.gcd(a=1))  # expect: TypeError: math.gcd() takes no keyword arguments
show(lambda: math.comb(5, -1))  # expect: ValueError: k must be a non-negative integer
show(lambda: math.comb(-1, 2))  # expect: ValueError: n must be a non-negative integer
show(lambda: math.comb(5))  # expect: TypeError: comb expected 2 arguments, got 1
show(lambda: math.perm(5, -1))  # expect: ValueError: k must be a non-negative integer
show(lambda: math.perm())  # expect: TypeError: perm expected at least 1 argument, got 0
show(lambda: math.perm(1, 2, 3))  # expect: TypeError: perm expected at most 2 arguments, got 3
show(lambda: math.isqrt(-1))  # expect: ValueError: isqrt() argument must be nonnegative
show(lambda: math.isqrt(2.0))  # expect: TypeError: 'float' object cannot be interpreted as an integer
show(lambda: math.isclose(1, 1.1, rel_tol=-1))  # expect: ValueError: tolerances must be non-negative
show(lambda: math.isclose(1, 1.1, 0.5))  # expect: TypeError: isclose() takes exactly 2 positional arguments (3 given)
show(lambda: math.isclose(1))  # expect: TypeError: isclose() missing required argument 'b' (pos 2)
show(lambda: math.isclose(1, 2, foo=1))  # expect: TypeError: 'foo' is an invalid keyword argument for isclose()
show(lambda: math.prod([1], 3))  # expect: TypeError: prod() takes exactly 1 positional argument (2 given)
show(lambda: math.prod())  # expect: TypeError: prod() takes exactly 1 positional argument (0 given)
show(lambda: math.prod([1], foo=2))  # expect: TypeError: 'foo' is an invalid keyword argument for prod()
show(lambda: math.prod([2, "a"]))  # expect: 'aa'
show(lambda: math.fsum([math.inf, -math.inf]))  # expect: ValueError: -inf + inf in fsum
show(lambda: math.fsum([1e308, 1e308]))  # expect: OverflowError: intermediate overflow in fsum
show(lambda: math.fsum(1))  # expect: TypeError: 'int' object is not iterable
show(lambda: math.fsum(["a"]))  # expect: TypeError: must be real number, not str
show(lambda: math.hypot(1, "a"))  # expect: TypeError: must be real number, not str
show(lambda: math.hypot(x=1))  # expect: TypeError: math.hypot() takes no keyword arguments
show(lambda: math.dist((0, 0), (3,)))  # expect: ValueError: both points must have the same number of dimensions
show(lambda: math.dist((1,)))  # expect: TypeError: dist expected 2 arguments, got 1
show(lambda: math.frexp("a"))  # expect: TypeError: must be real number, not str
math.log(-2)  # expect-error: ValueError: math domain error
