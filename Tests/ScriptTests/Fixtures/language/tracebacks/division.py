def f(a, b):
    return a / b

x = 1
print(f(1, 0) + 2)
