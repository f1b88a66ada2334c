# Loops with break/continue/else, while, nested control, pass, conditional expressions, with.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()  # expect: 2 3 5 7 11 13 17 19 
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print(i, end=",")
print()  # expect: 2,4,6,
count = 3
while count:
    count -= 1
else:
    print("while else", count)  # expect: while else 0
label = "big" if 10 > 5 else "small"
print(label)  # expect: big
if 0:
    pass
elif []:
    pass
else:
    print("else branch")  # expect: else branch


class Manager:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return kind is ZeroDivisionError


with Manager("a") as value, Manager("b"):
    print("inside", value)
# expect: enter a
# expect: enter b
# expect: inside A
# expect: exit b None
# expect: exit a None
with Manager("c"):
    1 / 0
print("suppressed")
# expect: enter c
# expect: exit c ZeroDivisionError
# expect: suppressed
