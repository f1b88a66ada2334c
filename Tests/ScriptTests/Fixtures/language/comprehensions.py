# Comprehensions, generator expressions and their scopes.
print([x * x for x in range(5) if x % 2 == 0])  # expect: [0, 4, 16]
print([(i, j) for i in range(3) for j in range(i)])  # expect: [(1, 0), (2, 0), (2, 1)]
print({x % 3 for x in range(10)})  # expect: {0, 1, 2}
print({k: v for k, v in zip("abc", range(3))})  # expect: {'a': 0, 'b': 1, 'c': 2}
print(sum(x for x in range(101)))  # expect: 5050
x = "outer"
squares = [x for x in range(3)]
print(x, squares)  # expect: outer [0, 1, 2]
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])  # expect: [[1, 4], [2, 5], [3, 6]]
print([word.upper() for word in "a bb ccc".split() if len(word) > 1])  # expect: ['BB', 'CCC']
def scale(values, k):
    return [v * k for v in values]
print(scale([1, 2], 3))  # expect: [3, 6]
