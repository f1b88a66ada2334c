# The random module: for an int seed, every function draws CPython's exact sequence (MT19937 seeded by
# init_by_array over the seed's 32-bit words).
import random


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for seed in [0, 1, 42, -42, 2**32, 9223372036854775807, -9223372036854775807 - 1, True]:
    random.seed(seed)
    print(seed, random.random(), random.getrandbits(40), random.randint(1, 6), random.randrange(10, 100, 7))  # expect: 0 0.8444218515250481 978212965548 4 10
    # expect: 1 0.13436424411240122 884107995871 1 38
    # expect: 42 0.6394267984578837 811856239313 3 31
    # expect: -42 0.6394267984578837 811856239313 3 31
    # expect: 4294967296 0.11299430095636409 1028291745030 1 10
    # expect: 9223372036854775807 0.3166448820870279 144445158859 4 59
    # expect: -9223372036854775808 0.5534639983914199 231673175080 2 66
    # expect: True 0.13436424411240122 884107995871 1 38
random.seed(7)
print([random.choice("abcdef") for _ in range(5)], random.choice((1, 2, 3)), random.choice(range(100)))  # expect: ['c', 'b', 'd', 'f', 'a'] 1 68
print(random.choices(range(10), k=5), random.choices("ab"))  # expect: [0, 5, 9, 2, 0] ['a']
print(random.choices("abc", weights=[1, 5, 2], k=6))  # expect: ['b', 'b', 'a', 'b', 'c', 'b']
print(random.choices("abc", [1, 5, 2], k=3))  # expect: ['b', 'a', 'b']
print(random.choices("abc", cum_weights=[1, 5, 8], k=6))  # expect: ['a', 'b', 'b', 'b', 'b', 'b']
deck = list(range(10))
random.shuffle(deck)
print(deck)  # expect: [7, 6, 3, 1, 5, 8, 0, 2, 4, 9]
print(random.sample(range(100), 10), random.sample("abcdef", k=3), random.sample([1, 2], 0))  # expect: [70, 91, 8, 72, 7, 79, 26, 63, 87, 68] ['d', 'c', 'f'] []
print(random.sample(range(10**6), 5))  # expect: [614006, 968298, 475198, 379146, 314328]
print(random.sample("abcde", 3, counts=[2, 1, 3, 1, 1]))  # expect: ['c', 'd', 'a']
print(random.uniform(2, 5), random.uniform(1, 1))  # expect: 4.096983301188714 1.0
print(random.gauss(), random.gauss(1, 2), random.gauss(mu=5), random.gauss())  # expect: -1.0895049464688105 -0.10034081478918977 6.144351208966603 -1.1423756818655124
print(random.normalvariate(), random.normalvariate(10, 0.5), random.expovariate(2.5))  # expect: -1.1260430692559178 10.260096910659517 0.2685253923865249
print(random.randrange(10), random.randrange(-5, 5), random.randrange(10, -10, -3), random.randrange(0, 2**62))  # expect: 0 -4 -8 2893810042547444426
print(random.getrandbits(63), random.getrandbits(0), random.getrandbits(1), random.getrandbits(33))  # expect: 6412967846104678978 0 0 2552799181
random.seed(3.0)
print(random.random())  # expect: 0.23796462709189137
random.seed(3)
print(random.random())  # expect: 0.23796462709189137

state = random.getstate()
first = [random.random() for _ in range(700)]
random.setstate(state)
print(first == [random.random() for _ in range(700)])  # expect: True
random.gauss()
state = random.getstate()
pending = random.gauss()
random.setstate(state)
print(pending == random.gauss(), len(state), state[0], len(state[1]))  # expect: True 3 3 625

a, b = random.Random(123), random.Random(123)
print(a.random(), a.randint(0, 10**9), a.gauss(0, 1), a.choice("xyz"))  # expect: 0.052363598850944326 93615979 0.09356312550473075 x
print(b.random() == random.Random(123).random(), b.random() != a.random())  # expect: True True
random.seed(123)
print(random.random() == random.Random(123).random())  # expect: True
c = random.Random()
c.seed(99)
print(c.sample(range(20), 4), c.getrandbits(8))  # expect: [12, 19, 6, 5] 58
c.setstate(a.getstate())
print(c.random() == a.random())  # expect: True
random.seed()
print(0 <= random.random() < 1)  # expect: True

show(lambda: random.randrange(0))  # expect: ValueError: empty range for randrange()
show(lambda: random.randrange(5, 5))  # expect: ValueError: empty range for randrange() (5, 5, 0)
show(lambda: random.randrange(0, 10, 0))  # expect: ValueError: zero step for randrange()
show(lambda: random.randrange(10, 0, 2))  # expect: ValueError: empty range for randrange()
show(lambda: random.randrange(1.5))  # expect: ValueError: non-integer arg 1 for randrange()
show(lambda: random.randrange("a"))  # expect: ValueError: invalid literal for int() with base 10: 'a'
show(lambda: random.randrange(1, 2, 3, 4))  # expect: TypeError: Random.randrange() takes from 2 to 4 positional arguments but 5 were given
show(lambda: random.randint(5, 1))  # expect: ValueError: empty range for randrange() (5, 2, -3)
show(lambda: random.randint(1))  # expect: TypeError: Random.randint() missing 1 required positional argument: 'b'
show(lambda: random.randint())  # expect: TypeError: Random.randint() missing 2 required positional arguments: 'a' and 'b'
show(lambda: random.randint(1, x=2))  # expect: TypeError: Random.randint() got an unexpected keyword argument 'x'
show(lambda: random.choice([]))  # expect: IndexError: Cannot choose from an empty sequence
show(lambda: random.choice(5))  # expect: TypeError: object of type 'int' has no len()
show(lambda: random.choices([1, 2], [1]))  # expect: ValueError: The number of weights does not match the population
show(lambda: random.choices([1, 2], [1, 2], cum_weights=[1, 2]))  # expect: TypeError: Cannot specify both weights and cumulative weights
show(lambda: random.choices([1, 2], 3))  # expect: TypeError: The number of choices must be a keyword argument: k=3
show(lambda: random.choices([1, 2], [0, 0]))  # expect: ValueError: Total of weights must be greater than zero
show(lambda: random.choices([1, 2], [float("inf"), 1]))  # expect: ValueError: Total of weights must be finite
show(lambda: random.choices([]))  # expect: IndexError: list index out of range
show(lambda: random.sample([1, 2], 3))  # expect: ValueError: Sample larger than population or is negative
show(lambda: random.sample(range(10), -1))  # expect: ValueError: Sample larger than population or is negative
show(lambda: random.sample({1, 2}, 1))  # expect: TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).
show(lambda: random.sample([1, 2], 1, counts=[0, 0]))  # expect: ValueError: Total of counts must be greater than zero
show(lambda: random.sample([1, 2], 1, counts=[1]))  # expect: ValueError: The number of counts does not match the population
show(lambda: random.shuffle((1, 2)))  # expect: TypeError: 'tuple' object does not support item assignment
show(lambda: random.getrandbits(-1))  # expect: ValueError: number of bits must be non-negative
show(lambda: random.random(1))  # expect: TypeError: Random.random() takes no arguments (1 given)
show(lambda: random.uniform(1))  # expect: TypeError: Random.uniform() missing 1 required positional argument: 'b'
show(lambda: random.gauss(foo=1))  # expect: TypeError: Random.gauss() got an unexpected keyword argument 'foo'
show(lambda: random.expovariate(0))  # expect: ZeroDivisionError: float division by zero
show(lambda: random.setstate(1))  # expect: TypeError: 'int' object is not subscriptable
show(lambda: random.setstate((3, (1,), None)))  # expect: ValueError: state vector is the wrong size
show(lambda: random.setstate((4, (1,), None)))  # expect: ValueError: state with version 4 passed to Random.setstate() of version 3
try:
    random.seed([1])
except TypeError as e:
    print(str(e).replace("\n", " "))  # expect: The only supported seed types are: None, int, float, str, bytes, and bytearray.
show(lambda: random.Random(1, 2))  # expect: TypeError: Random.__init__() takes from 1 to 2 positional arguments but 3 were given
random.choice("")  # expect-error: IndexError: Cannot choose from an empty sequence
