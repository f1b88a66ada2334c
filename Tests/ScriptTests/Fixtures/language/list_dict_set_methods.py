# list, dict, set and tuple methods and the set operators, with CPython's errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a = [3, 1, 2]
a.append(4); a.extend((5, 6)); a.insert(0, 0); a.insert(-1, 9); a.insert(100, 7); print(a)  # expect: [0, 3, 1, 2, 4, 5, 9, 6, 7]
print(a.pop(), a.pop(0), a.pop(-2), a)  # expect: 7 0 9 [3, 1, 2, 4, 5, 6]
a.remove(6); print(a, a.index(2), a.index(2, 1), a.index(3, -5, 5), a.count(1))  # expect: [3, 1, 2, 4, 5] 2 2 0 1
b = a.copy(); b.reverse(); print(b, a)  # expect: [5, 4, 2, 1, 3] [3, 1, 2, 4, 5]
words = ['banana', 'Apple', 'cherry', 'apple']
words.sort(); print(words)  # expect: ['Apple', 'apple', 'banana', 'cherry']
words.sort(key=str.lower); print(words)  # expect: ['Apple', 'apple', 'banana', 'cherry']
words.sort(key=len, reverse=True); print(words)  # expect: ['banana', 'cherry', 'Apple', 'apple']
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
pairs.sort(key=lambda p: p[0]); print(pairs)  # expect: [(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]
b.clear(); print(b)  # expect: []
show(lambda: [].index(1))  # expect: ValueError: 1 is not in list
show(lambda: [1].index(1, 'a'))  # expect: TypeError: slice indices must be integers or have an __index__ method
show(lambda: [1, 2].index(1, 1))  # expect: ValueError: 1 is not in list
show(lambda: [].pop(1, 2))  # expect: TypeError: pop expected at most 1 argument, got 2
show(lambda: [].pop())  # expect: IndexError: pop from empty list
show(lambda: [1].pop(5))  # expect: IndexError: pop index out of range
show(lambda: [1].pop('a'))  # expect: TypeError: 'str' object cannot be interpreted as an integer
show(lambda: [].sort(1))  # expect: TypeError: sort() takes no positional arguments
show(lambda: [].sort(foo=1))  # expect: TypeError: 'foo' is an invalid keyword argument for sort()
show(lambda: [1, 'a'].sort())  # expect: TypeError: '<' not supported between instances of 'str' and 'int'
show(lambda: [].insert(1))  # expect: TypeError: insert expected 2 arguments, got 1
show(lambda: [].insert('a', 1))  # expect: TypeError: 'str' object cannot be interpreted as an integer
show(lambda: [].remove(1))  # expect: ValueError: list.remove(x): x not in list
show(lambda: [].count())  # expect: TypeError: list.count() takes exactly one argument (0 given)
show(lambda: [].append())  # expect: TypeError: list.append() takes exactly one argument (0 given)
show(lambda: [].extend(1))  # expect: TypeError: 'int' object is not iterable
show(lambda: [].clear(1))  # expect: TypeError: list.clear() takes no arguments (1 given)
show(lambda: [].append(x=1))  # expect: TypeError: list.append() takes no keyword arguments
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 9), d)  # expect: 1 None 0 3 1 {'a': 1, 'b': 2, 'c': 3}
print(d.pop('c'), d.pop('z', None), d.popitem(), d)  # expect: 3 None ('b', 2) {'a': 1}
d.update({'x': 1}); d.update([('y', 2)], z=3); d.update(w=4); print(d)  # expect: {'a': 1, 'x': 1, 'y': 2, 'z': 3, 'w': 4}
print(list(d.keys()), list(d.values()), list(d.items()), d.copy(), dict.fromkeys('ab'), dict.fromkeys([1, 2], 0), {}.fromkeys('x', []))  # expect: ['a', 'x', 'y', 'z', 'w'] [1, 1, 2, 3, 4] [('a', 1), ('x', 1), ('y', 2), ('z', 3), ('w', 4)] {'a': 1, 'x': 1, 'y': 2, 'z': 3, 'w': 4} {'a': None, 'b': None} {1: 0, 2: 0} {'x': []}
e = d.copy(); e.clear(); print(e, d)  # expect: {} {'a': 1, 'x': 1, 'y': 2, 'z': 3, 'w': 4}
show(lambda: {}.pop())  # expect: TypeError: pop expected at least 1 argument, got 0
show(lambda: {}.pop('k'))  # expect: KeyError: 'k'
show(lambda: {}.popitem())  # expect: KeyError: 'popitem(): dictionary is empty'
show(lambda: {}.get())  # expect: TypeError: get expected at least 1 argument, got 0
show(lambda: {}.update(1))  # expect: TypeError: 'int' object is not iterable
show(lambda: {}.update([1]))  # expect: TypeError: cannot convert dictionary update sequence element #0 to a sequence
show(lambda: {}.update([(1,2,3)]))  # expect: ValueError: dictionary update sequence element #0 has length 3; 2 is required
show(lambda: {}.update({}, {}))  # expect: TypeError: update expected at most 1 argument, got 2
show(lambda: {}.fromkeys())  # expect: TypeError: fromkeys expected at least 1 argument, got 0
show(lambda: {}.keys(1))  # expect: TypeError: dict.keys() takes no arguments (1 given)
show(lambda: {}.setdefault())  # expect: TypeError: setdefault expected at least 1 argument, got 0
show(lambda: {}.get([], 1))  # expect: TypeError: unhashable type: 'list'
show(lambda: dict.fromkeys(1))  # expect: TypeError: 'int' object is not iterable
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(3); print(sorted(s))  # expect: [1, 2, 4]
print(s.pop() in {1, 2, 4}, len(s))  # expect: True 2
s = {1, 2, 3}
print(sorted(s.union([4], (5,))), sorted(s.intersection([2, 3, 9], {3, 2})), sorted(s.difference([1])), sorted(s.symmetric_difference([3, 4])))  # expect: [1, 2, 3, 4, 5] [2, 3] [2, 3] [1, 2, 4]
print(s.issubset([1, 2, 3, 4]), s.issuperset({1}), s.isdisjoint([7]), s.isdisjoint([1]), {1}.issubset(range(3)))  # expect: True True True False True
c = s.copy(); c.update([9], [10]); print(sorted(c), sorted(s))  # expect: [1, 2, 3, 9, 10] [1, 2, 3]
c.intersection_update([9, 10, 1]); print(sorted(c)); c.difference_update([9]); print(sorted(c)); c.symmetric_difference_update([1, 5]); print(sorted(c)); c.clear(); print(c)  # expect: [1, 9, 10]
# expect: [1, 10]
# expect: [5, 10]
# expect: set()
print(sorted({1, 2} | {3}), sorted({1, 2} & {2}), sorted({1, 2} - {2}), sorted({1, 2} ^ {2, 3}))  # expect: [1, 2, 3] [2] [1] [1, 3]
print({1, 2} <= {1, 2, 3}, {1, 2} >= {1}, {1, 2} < {1, 2}, {1, 2} > {1}, {1} <= {1}, {3} >= {1}, set() < {1})  # expect: True True False True True False True
show(lambda: set().pop())  # expect: KeyError: 'pop from an empty set'
show(lambda: set().remove(1))  # expect: KeyError: 1
show(lambda: set().add())  # expect: TypeError: set.add() takes exactly one argument (0 given)
show(lambda: set().update(1))  # expect: TypeError: 'int' object is not iterable
show(lambda: set().union(1))  # expect: TypeError: 'int' object is not iterable
show(lambda: set().issubset(1))  # expect: TypeError: 'int' object is not iterable
show(lambda: set().add([]))  # expect: TypeError: unhashable type: 'list'
show(lambda: {1} < [1])  # expect: TypeError: '<' not supported between instances of 'set' and 'list'
show(lambda: {1} | [1])  # expect: TypeError: unsupported operand type(s) for |: 'set' and 'list'
show(lambda: set().union(x=1))  # expect: TypeError: set.union() takes no keyword arguments
tp = (1, 2, 3, 2)
print(tp.index(2), tp.index(2, 2), tp.count(2), tp.count(9))  # expect: 1 3 2 0
show(lambda: ().index(1))  # expect: ValueError: tuple.index(x): x not in tuple
show(lambda: (1,).index(1, 1))  # expect: ValueError: tuple.index(x): x not in tuple
show(lambda: ().count())  # expect: TypeError: tuple.count() takes exactly one argument (0 given)
show(lambda: (1,).index())  # expect: TypeError: index expected at least 1 argument, got 0
[].remove(0)  # expect-error: ValueError: list.remove(x): x not in list
