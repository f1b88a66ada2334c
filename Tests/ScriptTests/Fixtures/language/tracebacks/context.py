try:
    x = undefined_name
except NameError:
    raise KeyError('k')
