"""Values shown in feedback when repr() cannot show them: an int over Python's 4,300 digits
(sys.get_int_max_str_digits) makes repr raise ValueError, also inside a list or a dict. Such
ints show as `<int with N digits>`. Trusted: the runner's side only.

The limit stays where it is: int -> str is quadratic, and a student's int may have millions
of digits (a reply's 3 MiB of hex), so printing it would stall the runner.
"""

import math

EXACT_DIGITS = 100_000  # past this, a count next to a power of ten is only "about"


class BigInt:
    __slots__ = ("text",)

    def __init__(self, value):
        self.text = f"<int with {digits(value)} digits>"

    def __repr__(self):
        return self.text


def digits(value):
    """Decimal digits of a big int without converting it: log10 is exact enough except next
    to a power of ten, where one comparison settles it (up to EXACT_DIGITS digits)."""
    value = abs(value)
    estimate = math.log10(value)
    count = int(estimate) + 1
    if abs(estimate - round(estimate)) > 1e-6:
        return str(count)
    count = round(estimate)
    if count > EXACT_DIGITS:
        return f"about {count}"
    return str(count + 1 if value >= 10**count else count)


def readable(value):
    """`value` itself when repr() can show it, else a copy with its big ints as BigInt."""
    try:
        repr(value)
        return value
    except ValueError:
        return without_big_ints(value)


def without_big_ints(value, depth=0):
    kind = type(value)
    if kind is int:
        try:
            int.__repr__(value)
            return value
        except ValueError:
            return BigInt(value)
    if depth > 100:  # a container holding itself: repr shows it as [...], we stop here
        return value
    if kind in (list, tuple, set, frozenset):
        return kind(without_big_ints(v, depth + 1) for v in value)
    if kind is dict:
        return {without_big_ints(k, depth + 1): without_big_ints(v, depth + 1) for k, v in value.items()}
    return value
