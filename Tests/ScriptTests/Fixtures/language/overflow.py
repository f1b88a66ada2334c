# attend-only: Attend's int is 64-bit; leaving that range raises OverflowError rather than growing.
big = 9223372036854775807
print(big)  # expect: 9223372036854775807
try:
    big * 2
except OverflowError as e:
    print("caught", type(e).__name__)  # expect: caught OverflowError
print(-big - 1)  # expect: -9223372036854775808
print(2 ** 62)  # expect: 4611686018427387904
kinds = []
for make in [lambda: list(enumerate("ab", big)), lambda: round(big, -1), lambda: round(big, -19)]:
    try:
        make()
    except OverflowError as e:
        kinds.append(type(e).__name__)
print(kinds)  # expect: ['OverflowError', 'OverflowError', 'OverflowError']
print(2 ** 64)  # expect-error: OverflowError: integer result does not fit in 64 bits (Attend's int is 64-bit)
