"""CPython 3.11 cases for printing.json: repr(), format() and printf-style %, with the errors they raise.

Values travel as small JSON objects: {"int": n}, {"bool": b}, {"float": x} (non-finite and -0.0 as strings),
{"str": s}, {"none": null}, and {"obj": {...}} for other values (their type name, str, repr and what their
__index__, __int__ and __float__ give). An outcome is the resulting string, or [exception class, message].
"""
import math
import random
import struct


def number(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0 and math.copysign(1.0, x) < 0:
        return "-0.0"
    return x


class WithIndex:
    def __index__(self):
        return 7

    def __repr__(self):
        return "WithIndex()"


class WithInt:
    def __int__(self):
        return -3

    def __repr__(self):
        return "WithInt()"


class WithFloat:
    def __float__(self):
        return 2.5

    def __repr__(self):
        return "WithFloat()"


def encode(value):
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": value}
    if isinstance(value, float):
        return {"float": number(value)}
    if isinstance(value, str):
        return {"str": value}
    if value is None:
        return {"none": None}
    obj = {"type": type(value).__name__, "str": str(value), "repr": repr(value)}
    if hasattr(type(value), "__index__"):
        obj["index"] = value.__index__()
    if hasattr(type(value), "__int__"):
        obj["int"] = value.__int__()
    if hasattr(type(value), "__float__"):
        obj["float"] = value.__float__()
    return {"obj": obj}


def outcome(fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - we record whatever CPython raises
        return [type(e).__name__, str(e)]


INTS = [0, 1, -1, 7, 42, 65, 255, -255, 1234, -1234, 1234567, -9876543210, 2**63 - 1, -2**63, 0x10FFFF]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 3.14159, -3.14159, 1e-5, 1.5e-7, 1e16, 1e22, 123456.789,
          1234567.0, 0.125, 0.375, 9.995, 99.5, 1e300, 5e-324, 2.675, 0.000123456, 100.0, 1e-4, 12345.678, math.nan,
          math.inf, -math.inf, 1 / 3, 9007199254740992.0, 1e15, 123.0, 0.0001, 0.00001, 1e-300, 1.7976931348623157e308,
          -0.001, 5.0, 10.0, 0.95, 0.05]
STRS = ["", "a", "hello", "héllo", "日本語", "tab\t", "it's", 'say "hi"']
CORE_VALUES = [0, -1, 42, 1234567, -9876543210, True, 0.0, -0.0, 1.5, -2.5, 3.14159, 1e-5, 1e16, 123456.789, 0.125,
               math.nan, -math.inf, 2.675, "hello", "日本語", None]

NUMBER_SPECS = ["", "d", "4d", ">8", "<8", "^10", "*^10", "=+8", "+", "-", " ", "08.3f", ".2f", ".0f", "#.0f", "e",
                ".3e", ".0e", "#.0e", "E", "g", ".3g", ".1g", "#g", "#.3g", "G", "%", ".1%", ",", "_", ",.2f", "_.2f",
                "10,", "010,", "015,.2f", "x", "#x", "X", "#X", "o", "#o", "b", "#b", "_b", "_x", "012_x", "c", "n",
                ".3n", "s", "z.1f", "z", "+z.1f", "z.0e", "010", "0=10", "=10", ".3", ".10", ".0", "#.3", ".1", "#",
                "x<10", "0<5", "+.2e", " .3f", "-10.4f", "+010.2f", "^+12,.1f", ".20f", ".17g", ".25e", "30", ",d",
                ",x", ",_", "_,", ".2d", "=^5", "10=s", "!r", "q", "  ", ",c", "+c", "#c", ",n", "_n", ".", ".f",
                "10000000000000000000000", ".10000000000000000000", "z,d", "r", ",e", "_%", ",g", ",.3g", "0^9",
                "€>9.2f", "٣", "#08x", "+#x", " #o", "0=+8", "G", ".2G", "F", ".1F", "E", "#.0%", "z.0%"]
STR_SPECS = ["", "s", "10", "<10", ">10", "^10", "*^10", ".2", ".0", "10.3", ">5.1s", "+", " ", "#", "=", ",", "05",
             "=5", "z", "d", ".3,", "x<6", "^5", "^6", "_", "!s", "+z", "z#", "10=s"]
BASIC_SPECS = ["", ".2f", "e", "g", ".3", "%", ",", "x", ">12", "+.1e", "08.2f", "d", "s", "c", "#"]


def format_cases():
    values = []
    index = {}

    def slot(value):
        key = (type(value).__name__, repr(value))
        if key not in index:
            index[key] = len(values)
            values.append(encode(value))
        return index[key]

    cases = []
    for value in CORE_VALUES:
        specs = STR_SPECS if isinstance(value, str) else NUMBER_SPECS
        for spec in specs:
            cases.append([slot(value), spec, outcome(lambda: format(value, spec))])
    for value in INTS + FLOATS + STRS + [False, WithIndex(), [1, "a"]]:
        for spec in BASIC_SPECS:
            cases.append([slot(value), spec, outcome(lambda: format(value, spec))])
    cases += fuzz_format_cases(slot)
    return values, cases


def random_float(rng):
    kind = rng.randrange(4)
    if kind == 0:
        bits = rng.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        return x if math.isfinite(x) else 1.0
    if kind == 1:
        # Binary fractions: exact decimal ties for the rounding rules.
        return rng.randint(-10**6, 10**6) / 2 ** rng.randint(0, 12)
    if kind == 2:
        return rng.choice([-1, 1]) * 10 ** rng.uniform(-12, 22)
    return rng.choice([0.0, -0.0, math.inf, -math.inf, math.nan, 0.5, 1.0, 9.5, 99.95, 0.05])


def random_int(rng):
    return rng.choice([rng.randint(-100, 100), rng.randint(-10**6, 10**6), rng.randint(-2**63, 2**63 - 1), 0])


def random_spec(rng, types):
    parts = []
    roll = rng.random()
    if roll < 0.25:
        parts.append(rng.choice([" ", "*", "0", "x", "€", "<", "=", "_", ","]) + rng.choice("<>=^"))
    elif roll < 0.5:
        parts.append(rng.choice("<>=^"))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.08:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.25:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 30)))
    if rng.random() < 0.25:
        parts.append(rng.choice([",", "_"]))
    if rng.random() < 0.5:
        parts.append("." + str(rng.randint(0, 20)))
    if rng.random() < 0.85:
        parts.append(rng.choice(types))
    return "".join(parts)


def fuzz_format_cases(slot):
    rng = random.Random(7)
    cases = []
    float_types = ["e", "E", "f", "F", "g", "G", "n", "%", ""]
    int_types = ["b", "c", "d", "o", "x", "X", "n", "e", "f", "g", "%", ""]
    for _ in range(1500):
        kind = rng.randrange(3)
        if kind == 0:
            value, spec = random_float(rng), random_spec(rng, float_types)
        elif kind == 1:
            value, spec = random_int(rng), random_spec(rng, int_types)
        else:
            value, spec = rng.choice(STRS + ["x", "abcdefghij"]), random_spec(rng, ["s", "s", ""])
        cases.append([slot(value), spec, outcome(lambda: format(value, spec))])
    return cases


def fuzz_percent_cases(add):
    rng = random.Random(11)
    for _ in range(800):
        conversion = rng.choice("diouxXeEfFgGcrsa")
        flags = "".join(rng.sample("-+ #0", rng.randint(0, 3)))
        args = []
        width = ""
        if rng.random() < 0.15:
            width = "*"
            args.append(rng.randint(-12, 12))
        elif rng.random() < 0.5:
            width = str(rng.randint(0, 20))
        precision = ""
        if rng.random() < 0.15:
            precision = ".*"
            args.append(rng.randint(-3, 12))
        elif rng.random() < 0.5:
            precision = "." + str(rng.randint(0, 15))
        if conversion in "diouxXc":
            value = random_int(rng) if rng.random() < 0.8 else rng.choice([random_float(rng), True, "a"])
            if conversion == "c" and isinstance(value, int) and rng.random() < 0.7:
                value = rng.randint(32, 0x2FFF)
        elif conversion in "eEfFgG":
            value = random_float(rng) if rng.random() < 0.85 else rng.choice([random_int(rng), False])
        else:
            value = rng.choice([random_int(rng), random_float(rng), rng.choice(STRS), None, True])
        args.append(value)
        add("<%" + flags + width + precision + conversion + ">", tuple(args))


def percent_cases():
    values = []
    index = {}

    def slot(value):
        key = (type(value).__name__, repr(value))
        if key not in index:
            index[key] = len(values)
            values.append(encode(value))
        return index[key]

    def args_of(args):
        if isinstance(args, tuple):
            return {"tuple": [slot(v) for v in args]}
        if isinstance(args, dict):
            return {"mapping": {k: slot(v) for k, v in args.items()}, "repr": repr(args)}
        return {"single": slot(args)}

    cases = []

    def add(template, args):
        cases.append([template, args_of(args), outcome(lambda: template % args)])

    for template, args in [
        ("%5%", ()), ("%5%", (1,)), ("%-%", ()), ("%%", ()), ("100%%", ()), ("%-5d", (3,)), ("%05s", ("a",)),
        ("%.3d", (5,)), ("%+.3d", (5,)), ("%#x", (255,)), ("%#o", (8,)), ("%x", (2.0,)), ("%d", (2.7,)),
        ("%d", ("a",)), ("%f", ("a",)), ("%c", (65,)), ("%c", ("ab",)), ("%c", (1.5,)), ("%c", ("é",)),
        ("%(a)s", ({"a": 1},)), ("%s", {"a": 1}), ("%(a)s", (1,)), ("%s %s", (1,)), ("%s", (1, 2)), ("%", ()),
        ("%y", (1,)), ("%y", ()), ("%é", (1,)), ("%\x01", (1,)), ("%*d", (5, 3)), ("%*d", ("a", 3)), ("%-*d|", (5, 3)),
        ("%*d|", (-5, 3)), ("%.*f", (2, 3.14159)), ("%.*f", (-2, 3.14159)), ("%*.*f", (9, 2, 3.14159)),
        ("%ld", (3,)), ("%hd %Lf", (3, 1.5)), ("%(a)s %s", {"a": 1}), ("%(a)s %(b)s", {"a": 1, "b": "x"}),
        ("%(a)s %(a)r", {"a": "x"}), ("%(b)s", {"a": 1}), ("%(a)", {"a": 1}), ("%(a", {"a": 1}),
        ("%((a))s", {"(a)": 1}), ("%(a)5.1f|", {"a": 2.25}), ("%d", (math.nan,)), ("%d", (math.inf,)),
        ("%d", (1e20,)), ("%d", (-1e20,)), ("%.3d", (-2.9,)), ("%s", ()), ("abc", (1,)), ("abc", ()), ("abc", {}),
        ("abc", {"a": 1}), ("abc", 5), ("%s", 5), ("%s", "x"), ("%s", None), ("%r", None), ("%s", [1, 2]),
        ("%5.1s", ("hello",)), ("%r", ("a",)), ("%a", ("é",)), ("%a", ("日本",)), ("%i %u", (1, 2)), ("% d", (3,)),
        ("%+ d", (3,)), ("%-05d", (3,)), ("%e", (0.0,)), ("%g", (1e20,)), ("%#g", (1.0,)), ("%.0e", (5.5,)),
        ("%10.3E", (12345.678,)), ("%F", (math.inf,)), ("%f", (-math.nan,)), ("%-+8.2f|", (3.14159,)),
        ("%x", (-255,)), ("%#X", (-255,)), ("%08.3f", (-3.14159,)), ("%d", True), ("%s", True), ("%.2s", (True,)),
        ("%c", (0x110000,)), ("%c", (-1,)), ("%10c", ("x",)), ("%-10c|", (65,)), ("%05c", (65,)), ("%.3c", (65,)),
        ("%x", (True,)), ("%#5x", (255,)), ("%#05x", (255,)), ("%05.3d", (7,)), ("%-5.3d|", (7,)), ("%.0d", (0,)),
        ("%.3x", (-5,)), ("%#.3x", (5,)), ("%#.3o", (5,)), ("%#o", (0,)), ("%#08X", (-255,)), ("%+#x", (255,)),
        ("%d", (WithIndex(),)), ("%x", (WithIndex(),)), ("%c", (WithIndex(),)), ("%f", (WithIndex(),)),
        ("%d", (WithInt(),)), ("%x", (WithInt(),)), ("%f", (WithInt(),)), ("%d", (WithFloat(),)),
        ("%f", (WithFloat(),)), ("%s|%r", (WithFloat(), WithFloat())), ("%d", ([1],)), ("%f", (None,)),
        ("%s and %s", ("a", "b")), ("%s", ((1, 2),)), ("%s", ("",)), ("%.1f%%", (99.5,)), ("%3$s", (1,)),
        ("%5", (1,)), ("%.", (1,)), ("%-", (1,)), ("%.2", (1.5,)), ("x%sy%sz", (1, 2)), ("%s", ("日本",)),
        ("%5s|", ("日本",)), ("%-6r|", ("é",)), ("%.2r", ("abc",)), ("%.1a", ("é",)),
    ]:
        add(template, args)
    for conversion in "dixXofeEgGsr":
        for flags in ["", "-", "+", " ", "0", "#", "-0", "+0", "#0", "#-"]:
            for width in ["", "7"]:
                for precision in ["", ".0", ".3"]:
                    for value in [-42, 3.14159]:
                        add("%" + flags + width + precision + conversion, (value,))
    fuzz_percent_cases(add)
    return values, cases


def repr_cases():
    rng = random.Random(20240601)
    floats = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001234, 5e-324,
              1.7976931348623157e308, 2.2250738585072014e-308, 9007199254740993.0, 0.1 + 0.2, 100.0, 1.0, -0.0, 0.0,
              math.nan, math.inf, -math.inf, 1.5e300, 4.35, 2.675, 1e22, 1e23, 3.0e-310]
    while len(floats) < 400:
        bits = rng.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if math.isfinite(x):
            floats.append(x)
        floats.append(float(struct.unpack("<f", struct.pack("<I", rng.getrandbits(32)))[0]))
    floats = [x for x in floats if not (isinstance(x, float) and math.isnan(x))][:400] + [math.nan]
    float_cases = [[number(x), repr(x)] for x in floats]
    strings = ["", "a", "it's", 'say "hi"', "both '\"", "back\\slash", "\t\n\r", "\x00\x01\x1f\x7f", "\x80\x9f\xa0",
               "\xad", "é", "日本語", "\u2028\u2029", "\u200b", "\ue000", "😀", "\u0378", "\U000e0001", "e\u0301",
               "\u3000", "\ufeff", "\U0010ffff", "\U0001d11e", "\x1b[0m", "'", '"', "'\"'", "\\'", "\u00a0x",
               "\u0600", "\U000f0000", "\uffff", "\u0085", "\u061c", "Ω≈ç√∫", "\x0b\x0c"]
    string_cases = [[s, repr(s), ascii(s)] for s in strings]
    containers = [
        [1, 2], [], [1], (), (1,), (1, 2), {}, {"a": 1}, {"a": [1, (2, 3)], "b": {"c": None}}, set(), {1, 2, 3},
        frozenset(), frozenset({1}), [1.5, -0.0, "x", None, True], ([],), [[], [[]]], {1: "one", (1, 2): [3]},
        [float("inf"), float("nan")], ("it's",), {"k": 'say "hi"'},
    ]
    container_cases = [[tree(c), repr(c)] for c in containers]
    return {"floats": float_cases, "strings": string_cases, "containers": container_cases,
            "ranges": [[r.start, r.stop, r.step, repr(r)] for r in [range(5), range(1, 5), range(0, 10, 2),
                                                                    range(5, 0, -1), range(-3, 3, 3)]]}


def tree(value):
    """A container as nested JSON the Swift test walks, with sets in CPython's iteration order."""
    if isinstance(value, list):
        return {"list": [tree(v) for v in value]}
    if isinstance(value, tuple):
        return {"tuple": [tree(v) for v in value]}
    if isinstance(value, dict):
        return {"dict": [[tree(k), tree(v)] for k, v in value.items()]}
    if isinstance(value, frozenset):
        return {"frozenset": [tree(v) for v in value]}
    if isinstance(value, set):
        return {"set": [tree(v) for v in value]}
    return encode(value)


def cases():
    format_values, formats = format_cases()
    percent_values, percents = percent_cases()
    return {"format": {"values": format_values, "cases": formats},
            "percent": {"values": percent_values, "cases": percents},
            "repr": repr_cases()}
