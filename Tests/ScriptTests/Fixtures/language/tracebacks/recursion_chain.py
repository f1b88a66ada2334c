def f(n):
    if n == 0:
        raise RuntimeError
    f(n - 1)
f(2)
