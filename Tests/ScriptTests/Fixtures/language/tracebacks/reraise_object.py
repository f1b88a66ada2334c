try:
    raise ValueError("first")
except ValueError as e:
    err = e
raise err
