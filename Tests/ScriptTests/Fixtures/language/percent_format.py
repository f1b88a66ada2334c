# %-formatting: conversions, widths, precision, flags, * arguments and %(name)s mappings, with CPython's errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: "%5.2f|%-6d|%+d|%05d|%x|%X|%#o|%c|%%|%r|%s" % (3.14159, 42, 5, -42, 255, 255, 8, 65, 'a', 'b'))  # expect: " 3.14|42    |+5|-0042|ff|FF|0o10|A|%|'a'|b"
show(lambda: "%(a)s and %(b)r" % {'a': 1, 'b': 'x'})  # expect: "1 and 'x'"
show(lambda: "%e %g %G %E %10.3e %-10.2g|" % (12345.678, 0.00001234, 1e20, 1.5, 3.0, 2.0))  # expect: '1.234568e+04 1.234e-05 1E+20 1.500000E+00  3.000e+00 2         |'
show(lambda: "%i %u %c" % (3, 4, 'z'))  # expect: '3 4 z'
show(lambda: "%d" % "x")  # expect: TypeError: %d format: a real number is required, not str
show(lambda: "%d %d" % (1,))  # expect: TypeError: not enough arguments for format string
show(lambda: "%d" % (1, 2))  # expect: TypeError: not all arguments converted during string formatting
show(lambda: "%*d|%-*.*f" % (5, 1, 8, 2, 3.14159))  # expect: '    1|3.14    '
show(lambda: "% d|% d" % (5, -5))  # expect: ' 5|-5'
show(lambda: "%#x %#X %#o" % (0, 255, 0))  # expect: '0x0 0XFF 0o0'
show(lambda: "%s" % [1, 2])  # expect: '[1, 2]'
show(lambda: "%s" % ((1, 2),))  # expect: '(1, 2)'
show(lambda: "%q" % 1)  # expect: ValueError: unsupported format character 'q' (0x71) at index 1
show(lambda: "%(a)s" % 1)  # expect: TypeError: format requires a mapping
show(lambda: "%c" % 1114112)  # expect: OverflowError: %c arg not in range(0x110000)
show(lambda: "%c" % 'ab')  # expect: TypeError: %c requires int or char
show(lambda: "%.3s|%5s|%-5s|" % ('abcdef', 'ab', 'ab'))  # expect: 'abc|   ab|ab   |'
show(lambda: "%x" % 3.5)  # expect: TypeError: %x format: an integer is required, not float
show(lambda: "%d" % 3.7)  # expect: '3'
show(lambda: "%5%|" % ())  # expect: TypeError: not enough arguments for format string
show(lambda: "%a" % 'é')  # expect: "'\\xe9'"
show(lambda: "%.0f %.1f %f" % (2.5, float('inf'), float('nan')))  # expect: '2 inf nan'
show(lambda: "%" % ())  # expect: ValueError: incomplete format
show(lambda: "abc" % 5)  # expect: TypeError: not all arguments converted during string formatting
show(lambda: "%s %s" % [1, 2])  # expect: TypeError: not enough arguments for format string
print("%s is %d years and %.1f%% done" % ("Ada", 36, 99.5))  # expect: Ada is 36 years and 99.5% done
print("%-8s|%8.3f|%+.2e" % ("loss", 0.123456, 12345.0))  # expect: loss    |   0.123|+1.23e+04
print("%(epoch)03d: %(loss).4f" % {"epoch": 7, "loss": 0.5})  # expect: 007: 0.5000
"%d" % "x"  # expect-error: TypeError: %d format: a real number is required, not str
