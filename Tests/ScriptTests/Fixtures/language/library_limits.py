# attend-only: where math and random meet Attend's 64-bit ints, and random's int-only seeds.
import math
import random


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


def kind(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__)


print(math.factorial(20))  # expect: 2432902008176640000
show(lambda: math.factorial(21))  # expect: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
show(lambda: math.comb(100, 50))  # expect: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
print(math.comb(66, 33))  # expect: 7219428434016265740
show(lambda: math.perm(30, 20))  # expect: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
show(lambda: math.lcm(9223372036854775807, 2))  # expect: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
show(lambda: math.floor(1e300))  # expect: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
show(lambda: math.prod([2**40, 2**40]))  # expect: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
show(lambda: random.getrandbits(64))  # expect: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
show(lambda: random.seed("text"))  # expect: TypeError: Attend's random.seed() supports only int seeds and None, not 'str' (CPython hashes them)
show(lambda: random.seed(0.5))  # expect: TypeError: Attend's random.seed() supports only int seeds and None, not 'float' (CPython hashes them)
show(lambda: math.comb(67, 33))  # expect: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
show(lambda: math.comb(9223372036854775807, 2))  # expect: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
kind(lambda: "a\tb".expandtabs(9223372036854775807))  # expect: OverflowError
kind(lambda: ("a" * 5000).replace("", "b" * 5000))  # expect: MemoryError
kind(lambda: random.choices([1], k=10**15))  # expect: MemoryError
kind(lambda: random.sample(range(9223372036854775807), 9223372036854775807))  # expect: MemoryError
print(len(random.sample(range(9223372036854775807), 3)))  # expect: 3
