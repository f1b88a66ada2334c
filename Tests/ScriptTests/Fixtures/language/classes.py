# Classes: __init__, methods, inheritance, super(), class attributes, dunder methods, properties.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)

    def speak(self):
        return super().speak() + ": woof"


d = Dog("Rex", ["sit"])
print(d.speak())  # expect: Rex makes a sound: woof
print(d, [d])  # expect: Dog('Rex') [Dog('Rex')]
print(d.kind, Dog.kind, isinstance(d, Animal), issubclass(Dog, Animal))  # expect: animal animal True True
print(d.tricks)  # expect: ['sit']


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __str__(self):
        return f"<{self.x}, {self.y}>"


v = Vector(1, 2) + Vector(3, 4)
print(v, 2 * v, v * 3)  # expect: <4, 6> <8, 12> <12, 18>
print(v == Vector(4, 6), v != Vector(4, 6), len(v), list(v))  # expect: True False 2 [4, 6]


class Temperature:
    def __init__(self):
        self._celsius = 0.0

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def describe():
        return "temperature"

    @classmethod
    def create(cls):
        return cls()


t = Temperature.create()
print(t.fahrenheit, Temperature.describe(), t.describe())  # expect: 32.0 temperature temperature


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1


Counter()
Counter()
print(Counter.count)  # expect: 2
print(Dog.__mro__)  # expect: (<class '__main__.Dog'>, <class '__main__.Animal'>, <class 'object'>)
print(d.missing)  # expect-error: AttributeError: 'Dog' object has no attribute 'missing'
