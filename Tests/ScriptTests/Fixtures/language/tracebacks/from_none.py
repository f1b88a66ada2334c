class E(Exception):
    pass
def g():
    raise E("custom")
try:
    g()
except E:
    raise TypeError("other") from None
