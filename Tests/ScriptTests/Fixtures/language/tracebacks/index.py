y = [1, 2, 3]
print(y[5])
