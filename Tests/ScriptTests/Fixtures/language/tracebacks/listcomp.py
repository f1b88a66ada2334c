data = [1, 2, 0]
result = [10 // x for x in data]
