# Functions: defaults, keywords, *args/**kwargs, closures, nonlocal/global, recursion, lambdas, decorators.
def greet(name, greeting="Hello", *, punctuation="!"):
    return greeting + ", " + name + punctuation

print(greet("Ada"))  # expect: Hello, Ada!
print(greet("Bob", "Hi", punctuation="?"))  # expect: Hi, Bob?
print(greet(greeting="Yo", name="Cy"))  # expect: Yo, Cy!

def collect(first, *rest, **options):
    return first, rest, options

print(collect(1, 2, 3, a=4))  # expect: (1, (2, 3), {'a': 4})
args = [5, 6]
kwargs = {"k": "v"}
print(collect(*args, **kwargs))  # expect: (5, (6,), {'k': 'v'})

def counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

tick = counter()
tick()
print(tick(), tick())  # expect: 2 3

total = 0
def add_to_total(n):
    global total
    total += n

add_to_total(4)
add_to_total(6)
print(total)  # expect: 10

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(10)])  # expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]

square = lambda x: x * x
print(list(map(square, [1, 2, 3])))  # expect: [1, 4, 9]
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))  # expect: ['ccc', 'bb', 'a']

def twice(f):
    def wrapper(*a):
        return f(f(*a))
    return wrapper

@twice
def inc(x):
    return x + 1

print(inc(5))  # expect: 7

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]

print([f(10) for f in make_adders()])  # expect: [10, 11, 12]

def outer():
    x = "outer"
    def inner():
        return x
    x = "changed"
    return inner()

print(outer())  # expect: changed

def no_return():
    pass

print(no_return())  # expect: None
print(fib.__name__, inc.__name__)  # expect: fib wrapper

def shadow():
    print(y)
    y = 1

y = 0
shadow()  # expect-error: UnboundLocalError: cannot access local variable 'y' where it is not associated with a value
