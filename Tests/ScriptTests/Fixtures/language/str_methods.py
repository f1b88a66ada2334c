# str methods: case, predicates, search, split/strip, padding, join, format and format_map, with CPython's errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


s = "  Hello, World! hello  "
for name in ['upper','lower','title','capitalize','swapcase','casefold','strip','lstrip','rstrip','isdigit','isalpha','isalnum','isspace','isupper','islower','isnumeric','isidentifier','isdecimal','istitle','isascii']:
    print(name, repr(getattr(s, name)()), repr(getattr('abc', name)()), repr(getattr('ABC1', name)()), repr(getattr('', name)()), repr(getattr('123', name)()), repr(getattr("they're bill's", name)()), repr(getattr('ß½²', name)()), repr(getattr(' \t\n', name)()), repr(getattr('_x1', name)()))  # expect: upper '  HELLO, WORLD! HELLO  ' 'ABC' 'ABC1' '' '123' "THEY'RE BILL'S" 'SS½²' ' \t\n' '_X1'
    # expect: lower '  hello, world! hello  ' 'abc' 'abc1' '' '123' "they're bill's" 'ß½²' ' \t\n' '_x1'
    # expect: title '  Hello, World! Hello  ' 'Abc' 'Abc1' '' '123' "They'Re Bill'S" 'Ss½²' ' \t\n' '_X1'
    # expect: capitalize '  hello, world! hello  ' 'Abc' 'Abc1' '' '123' "They're bill's" 'Ss½²' ' \t\n' '_x1'
    # expect: swapcase '  hELLO, wORLD! HELLO  ' 'ABC' 'abc1' '' '123' "THEY'RE BILL'S" 'SS½²' ' \t\n' '_X1'
    # expect: casefold '  hello, world! hello  ' 'abc' 'abc1' '' '123' "they're bill's" 'ss½²' ' \t\n' '_x1'
    # expect: strip 'Hello, World! hello' 'abc' 'ABC1' '' '123' "they're bill's" 'ß½²' '' '_x1'
    # expect: lstrip 'Hello, World! hello  ' 'abc' 'ABC1' '' '123' "they're bill's" 'ß½²' '' '_x1'
    # expect: rstrip '  Hello, World! hello' 'abc' 'ABC1' '' '123' "they're bill's" 'ß½²' '' '_x1'
    # expect: isdigit False False False False True False False False False
    # expect: isalpha False True False False False False False False False
    # expect: isalnum False True True False True False True False False
    # expect: isspace False False False False False False False True False
    # expect: isupper False False True False False False False False False
    # expect: islower False True False False False True True False True
    # expect: isnumeric False False False False True False False False False
    # expect: isidentifier False True True False False False False False True
    # expect: isdecimal False False False False True False False False False
    # expect: istitle False False False False False False False False False
    # expect: isascii True True True True True True False True True
print(s.split(), s.split(','), s.split(None, 1), s.rsplit(None, 1), s.split('l', 2), s.rsplit('l', 2), 'a,b,,c'.split(','), ''.split(), ''.split(','), 'a  b'.split(' '))  # expect: ['Hello,', 'World!', 'hello'] ['  Hello', ' World! hello  '] ['Hello,', 'World! hello  '] ['  Hello, World!', 'hello'] ['  He', '', 'o, World! hello  '] ['  Hello, World! he', '', 'o  '] ['a', 'b', '', 'c'] [] [''] ['a', '', 'b']
print('x\ny\r\nz\rw\x0bq\n'.splitlines(), 'x\ny\r\n'.splitlines(True), ''.splitlines(), 'a\n\nb'.splitlines(keepends=True))  # expect: ['x', 'y', 'z', 'w', 'q'] ['x\n', 'y\r\n'] [] ['a\n', '\n', 'b']
print(s.strip(' H'), 'xxhixx'.strip('x'), 'xxhixx'.lstrip('x'), 'xxhixx'.rstrip('x'), 'abc'.strip(None))  # expect: ello, World! hello hi hixx xxhi abc
print(s.replace('l', 'L'), s.replace('l', 'L', 2), 'abc'.replace('', '-'), 'abc'.replace('', '-', 2), 'aaa'.replace('a', 'b', 0), 'aaaa'.replace('aa', 'b'))  # expect:   HeLLo, WorLd! heLLo     HeLLo, World! hello   -a-b-c- -a-bc aaa bb
print(s.startswith('  H'), s.startswith(('x', '  ')), s.endswith('  '), s.startswith('H', 2), s.startswith('H', 2, 3), 'abc'.endswith('b', 0, 2), 'abc'.startswith('', 3), 'abc'.startswith('', 4), 'abc'.endswith(('c',)))  # expect: True True True True True True True False True
print(s.find('l'), s.rfind('l'), s.find('l', 5), s.find('l', -5), s.find('zz'), s.index('W'), s.rindex('l'), s.count('l'), s.count(''), 'abc'.count('', 1), 'abc'.find('', 3), 'abc'.find('', 4), s.count('l', 0, 6), 'aaaa'.count('aa'), s.find('l', None, 6))  # expect: 4 19 5 18 -1 9 19 5 24 3 3 -1 2 2 4
print('ab'.ljust(5, '*'), 'ab'.rjust(5), 'ab'.center(5, '-'), 'abc'.center(6, '-'), 'a'.center(4), 'ab'.center(1), 'x'.center(2), 'x'.center(3))  # expect: ab***    ab --ab- -abc--  a   ab x   x 
print('42'.zfill(5), '-42'.zfill(5), '+4'.zfill(4), 'abc'.zfill(2), ''.zfill(3))  # expect: 00042 -0042 +004 abc 000
print('a,b,c'.partition(','), 'a,b,c'.rpartition(','), 'abc'.partition('x'), 'abc'.rpartition('x'))  # expect: ('a', ',', 'b,c') ('a,b', ',', 'c') ('abc', '', '') ('', '', 'abc')
print(repr('a\tbc\td\n\tx'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('a\tb'.expandtabs(0)), repr('ab\tc'.expandtabs(tabsize=2)))  # expect: 'a       bc      d\n        x' 'a   b' 'ab' 'ab  c'
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'x'.removeprefix('xy'), 'abc'.removesuffix(''))  # expect: name name x abc
print('-'.join(['a', 'b']), ''.join('xyz'), ', '.join(str(i) for i in range(3)), ','.join({'k': 1}))  # expect: a-b xyz 0, 1, 2 k
print('{} {}'.format(1, 'a'), '{0}{1}{0}'.format('x', 'y'), '{name}!'.format(name='Bo'), '{:>6.2f}|{:<4d}|{:^7}|{:+}'.format(3.14159, 42, 'mid', 5))  # expect: 1 a xyx Bo!   3.14|42  |  mid  |+5
print('{0[1]} {0[a]}'.format({1: 'one', 'a': 'A'}), '{:{w}}|'.format('x', w=4), '{a[0]}{a[1]}'.format(a='xy'), '{!r}'.format('q'), '{0!s:>4}'.format(1))  # expect: one A x   | xy 'q'    1
print('{:,}'.format(1234567), '{:_x}'.format(65535), '{:.3}'.format('abcdef'), '{:e}'.format(0.000123), '{:g}'.format(1e20), '{:%}'.format(0.5), '{:08.3f}'.format(-3.14159), '{:#b}'.format(5), '{:c}'.format(65), '{{}}'.format())  # expect: 1,234,567 ffff abc 1.230000e-04 1e+20 50.000000% -003.142 0b101 A {}
print('{a} and {b}'.format_map({'a': 1, 'b': 2}))  # expect: 1 and 2
print('ß'.upper(), 'ǅ'.lower(), 'ǆ'.title(), 'ﬁ'.upper(), len('İ'.lower()))  # expect: SS ǆ ǅ FI 2
show(lambda: 'a'.find(x=1))  # expect: TypeError: str.find() takes no keyword arguments
show(lambda: 'a'.upper(x=1))  # expect: TypeError: str.upper() takes no keyword arguments
show(lambda: 'a'.zfill(x=1))  # expect: TypeError: str.zfill() takes no keyword arguments
show(lambda: 'a'.split(1, 2, 3))  # expect: TypeError: split() takes at most 2 arguments (3 given)
show(lambda: 'a'.split(foo=1))  # expect: TypeError: 'foo' is an invalid keyword argument for split()
show(lambda: 'a'.split(1))  # expect: TypeError: must be str or None, not int
show(lambda: 'a'.split(''))  # expect: ValueError: empty separator
show(lambda: 'a'.split('a', 'b'))  # expect: TypeError: 'str' object cannot be interpreted as an integer
show(lambda: 'a'.splitlines(1, 2))  # expect: TypeError: splitlines() takes at most 1 argument (2 given)
show(lambda: 'a'.strip(1))  # expect: TypeError: strip arg must be None or str
show(lambda: 'a'.strip(1, 2))  # expect: TypeError: strip expected at most 1 argument, got 2
show(lambda: 'a'.find(1))  # expect: TypeError: must be str, not int
show(lambda: 'a'.find('a', 'b'))  # expect: TypeError: slice indices must be integers or None or have an __index__ method
show(lambda: 'a'.count())  # expect: TypeError: count() takes at least 1 argument (0 given)
show(lambda: 'a'.index('b'))  # expect: ValueError: substring not found
show(lambda: 'a'.rindex('b'))  # expect: ValueError: substring not found
show(lambda: 'a'.replace(1, 'b'))  # expect: TypeError: replace() argument 1 must be str, not int
show(lambda: 'a'.replace('a', 1))  # expect: TypeError: replace() argument 2 must be str, not int
show(lambda: 'a'.replace('a', 'b', 1.5))  # expect: TypeError: 'float' object cannot be interpreted as an integer
show(lambda: 'a'.ljust(5, 'ab'))  # expect: TypeError: The fill character must be exactly one character long
show(lambda: 'a'.ljust(5, 1))  # expect: TypeError: The fill character must be a unicode character, not int
show(lambda: 'a'.ljust('5'))  # expect: TypeError: 'str' object cannot be interpreted as an integer
show(lambda: 'a'.center())  # expect: TypeError: center expected at least 1 argument, got 0
show(lambda: 'a'.partition(''))  # expect: ValueError: empty separator
show(lambda: 'a'.partition(1))  # expect: TypeError: must be str, not int
show(lambda: 'a'.startswith(1))  # expect: TypeError: startswith first arg must be str or a tuple of str, not int
show(lambda: 'a'.startswith((1,)))  # expect: TypeError: tuple for startswith must only contain str, not int
show(lambda: 'a'.endswith())  # expect: TypeError: endswith() takes at least 1 argument (0 given)
show(lambda: 'a'.removeprefix(1))  # expect: TypeError: removeprefix() argument must be str, not int
show(lambda: 'a'.join(5))  # expect: TypeError: can only join an iterable
show(lambda: 'a'.join([1]))  # expect: TypeError: sequence item 0: expected str instance, int found
show(lambda: 'a'.expandtabs('x'))  # expect: TypeError: 'str' object cannot be interpreted as an integer
show(lambda: 'a'.format_map(5))  # expect: 'a'
show(lambda: 'a'.upper(1))  # expect: TypeError: str.upper() takes no arguments (1 given)
show(lambda: 'a'.zfill())  # expect: TypeError: str.zfill() takes exactly one argument (0 given)
show(lambda: 'a'.rsplit(maxsplit='x'))  # expect: TypeError: 'str' object cannot be interpreted as an integer
show(lambda: 'a'.isdigit(1))  # expect: TypeError: str.isdigit() takes no arguments (1 given)
show(lambda: 'a'.count('a', 0, 1, 2))  # expect: TypeError: count() takes at most 3 arguments (4 given)
show(lambda: 'a'.replace('a'))  # expect: TypeError: replace expected at least 2 arguments, got 1
show(lambda: 'a'.replace('a','b',1,2))  # expect: TypeError: replace expected at most 3 arguments, got 4
show(lambda: 'a'.startswith('a', 'x'))  # expect: TypeError: slice indices must be integers or None or have an __index__ method
show(lambda: str.upper())  # expect: TypeError: unbound method str.upper() needs an argument
show(lambda: str.upper(1))  # expect: TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
show(lambda: list(map(str.strip, [' a ', 'b '])))  # expect: ['a', 'b']
show(lambda: str.join('-', 'ab'))  # expect: 'a-b'
show(lambda: '{} {1}'.format(1, 2))  # expect: ValueError: cannot switch from automatic field numbering to manual field specification
show(lambda: '{0} {}'.format(1, 2))  # expect: ValueError: cannot switch from manual field specification to automatic field numbering
show(lambda: '{:{w}.{p}f}|{:>{}}'.format(3.14159, 'a', 5, w=10, p=2))  # expect: '      3.14|    a'
show(lambda: '{0[1]'.format([1,2]))  # expect: ValueError: expected '}' before end of string
show(lambda: '{'.format())  # expect: ValueError: Single '{' encountered in format string
show(lambda: '}'.format())  # expect: ValueError: Single '}' encountered in format string
show(lambda: 'a{0!x}'.format(1))  # expect: ValueError: Unknown conversion specifier x
show(lambda: '{0!}'.format(1))  # expect: ValueError: unmatched '{' in format spec
show(lambda: '{0!rr}'.format(1))  # expect: ValueError: expected ':' after conversion specifier
show(lambda: '{}'.format_map({'a': 1}))  # expect: ValueError: Format string contains positional fields
show(lambda: '{0}'.format_map({'a': 1}))  # expect: ValueError: Format string contains positional fields
show(lambda: '{x}'.format_map({'a': 1}))  # expect: KeyError: 'x'
show(lambda: '{0.y}'.format(1))  # expect: AttributeError: 'int' object has no attribute 'y'
show(lambda: '{0[5]}'.format([1]))  # expect: IndexError: list index out of range
show(lambda: '{x}'.format(1))  # expect: KeyError: 'x'
show(lambda: '{2}'.format(1))  # expect: IndexError: Replacement index 2 out of range for positional args tuple
show(lambda: '{}{}'.format(1))  # expect: IndexError: Replacement index 1 out of range for positional args tuple
show(lambda: '{0:{1:{2}}}'.format(1,2,3))  # expect: ValueError: Max string recursion exceeded
show(lambda: '{0.}'.format(1))  # expect: ValueError: Empty attribute in format string
show(lambda: '{0[]}'.format(1))  # expect: ValueError: Empty attribute in format string
show(lambda: '{0[0]x}'.format([1]))  # expect: ValueError: Only '.' or '[' may follow ']' in format field specifier
show(lambda: '{:d}'.format('a'))  # expect: ValueError: Unknown format code 'd' for object of type 'str'
show(lambda: '{.imag}'.format([]))  # expect: AttributeError: 'list' object has no attribute 'imag'
show(lambda: '{0[x'.format({}))  # expect: ValueError: expected '}' before end of string
'{}'.format()  # expect-error: IndexError: Replacement index 0 out of range for positional args tuple
