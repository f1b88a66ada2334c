f = lambda x: x.missing
values = sorted([1, 2], key=f)
