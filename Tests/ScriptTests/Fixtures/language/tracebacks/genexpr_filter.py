pairs = [(1, 2), (3, 4)]
flat = list(a / (b - 4) for a, b in pairs if a > 0)
