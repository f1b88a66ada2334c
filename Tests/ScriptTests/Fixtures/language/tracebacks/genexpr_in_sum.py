data = [1, 2, 0]
total = sum(10 // x for x in data)
