def check(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x

check(-1)
