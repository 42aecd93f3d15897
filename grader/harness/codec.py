"""Value encoding between the trusted test runner and the sandboxed student process.

Values cross the boundary as JSON with tags, so the runner rebuilds plain builtin
values (never objects the student's code defined): the student's code can choose
what its functions return, but nothing about how the runner compares it.

    None, bool, str, small int, float  -> JSON scalars (Python's json keeps inf/nan/-0.0)
    list                               -> JSON array
    other builtin values               -> {"<tag>": payload}
    anything else                      -> a handle: the object stays in the student's
                                          process (objects.py), the runner gets a
                                          stand-in that asks over the pipe (remote.py)

This module imports nothing: the sandbox starts faster without json/re/base64, so the
student side writes its JSON with dumps() below (the trusted side parses with json).
"""

MAX_DEPTH = 64
MAX_ITEMS = 100_000  # per value, both ways
# Items of one set or dict that may share a hash: the student chooses the ints, and k * (2**61 - 1)
# all hash to 0, which makes building the set quadratic (20,000 of them cost 5 s).
MAX_COLLISIONS = 1_000
BIG_INT_DIGITS = 4000  # Python refuses int<->str conversions past 4300 digits
# Tags of objects that stay where they live (docs/design.md §4): "handle" names a student
# object (sandbox -> runner); "ref", "method" and "global" name it back (runner -> sandbox).
HANDLE_TAGS = ("handle", "ref", "method", "global")


class EncodeError(Exception):
    pass


class DecodeError(Exception):
    pass


def encode(value, depth=0, budget=None, hook=None):
    """`hook(value)` encodes what is not plain data (each side passes its own: handles on
    the student's side, references to them on the runner's); without one, it is an error."""
    if budget is None:
        budget = [MAX_ITEMS]
    budget[0] -= 1
    if budget[0] < 0:
        raise EncodeError("the value is too large to send back (over 100,000 items)")
    if depth > MAX_DEPTH:
        raise EncodeError("the value is nested too deeply to send back")
    if value is None or isinstance(value, bool):
        return bool(value) if value is not None else None
    if isinstance(value, int):
        value = int.__index__(value)
        if abs(value).bit_length() > BIG_INT_DIGITS * 3:
            return {"bigint": hex(value)}
        return value
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, (bytes, bytearray)):
        tag = "bytes" if isinstance(value, bytes) else "bytearray"
        return {tag: bytes(value).hex()}
    if isinstance(value, complex):
        return {"complex": [value.real, value.imag]}
    if isinstance(value, list):
        return [encode(v, depth + 1, budget, hook) for v in list.__iter__(value)]
    if isinstance(value, tuple):
        return {"tuple": [encode(v, depth + 1, budget, hook) for v in tuple.__iter__(value)]}
    if isinstance(value, frozenset):
        return {"frozenset": [encode(v, depth + 1, budget, hook) for v in frozenset.__iter__(value)]}
    if isinstance(value, set):
        return {"set": [encode(v, depth + 1, budget, hook) for v in set.__iter__(value)]}
    if isinstance(value, dict):
        return {"dict": [[encode(k, depth + 1, budget, hook), encode(v, depth + 1, budget, hook)] for k, v in dict.items(value)]}
    if isinstance(value, range):
        return {"range": [value.start, value.stop, value.step]}
    if hook is not None:
        return hook(value)
    raise EncodeError(f"a {class_name(value)} cannot be sent as a value")


def decode(data, depth=0, hook=None, budget=None):
    """`hook(tag, payload)` rebuilds the tags of handles (each side knows its own). Bounded
    like encode: the other side's data may be hostile (a reply of `[[],[],…]`)."""
    if budget is None:
        budget = [MAX_ITEMS]
    budget[0] -= 1
    if budget[0] < 0:
        raise DecodeError("value too large (over 100,000 items)")
    if depth > MAX_DEPTH + 1:
        raise DecodeError("value nested too deeply")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(v, depth + 1, hook, budget) for v in data]
    if not isinstance(data, dict) or len(data) != 1:
        raise DecodeError("malformed value")
    (tag, payload), = data.items()
    if tag == "bigint" and isinstance(payload, str):
        return int(payload, 16)
    if tag in ("bytes", "bytearray") and isinstance(payload, str):
        raw = bytes.fromhex(payload)
        return raw if tag == "bytes" else bytearray(raw)
    if tag == "complex" and _floats(payload, 2):
        return complex(payload[0], payload[1])
    if tag == "range" and isinstance(payload, list) and len(payload) == 3 and all(type(x) is int for x in payload):
        return range(*payload)
    if hook is not None and tag in HANDLE_TAGS:
        return hook(tag, payload)
    if not isinstance(payload, list):
        raise DecodeError("malformed value")
    if tag == "tuple":
        return tuple(decode(v, depth + 1, hook, budget) for v in payload)
    if tag in ("set", "frozenset"):
        items = _hashable([decode(v, depth + 1, hook, budget) for v in payload])
        return set(items) if tag == "set" else frozenset(items)
    if tag == "dict":
        if not all(isinstance(pair, list) and len(pair) == 2 for pair in payload):
            raise DecodeError("malformed dict")
        keys = _hashable([decode(k, depth + 1, hook, budget) for k, _ in payload])
        return dict(zip(keys, [decode(v, depth + 1, hook, budget) for _, v in payload]))
    raise DecodeError(f"unknown tag {tag!r}")


def _hashable(items):
    """Items that can be a set's or a dict's keys in linear time: hashable, few sharing a
    hash (the set of hash values itself cannot collide: an int's hash is the int)."""
    try:
        distinct = len({hash(x) for x in items})
    except TypeError:
        raise DecodeError("unhashable item in a set or dict key") from None
    if len(items) - distinct > MAX_COLLISIONS:
        raise DecodeError("too many items with the same hash")
    return items


def _floats(payload, n):
    return isinstance(payload, list) and len(payload) == n and all(isinstance(x, (int, float)) for x in payload)


def class_name(value):
    """type(value).__name__, which a student's class may make anything (or raise)."""
    try:
        return type(value).__name__[:100]
    except BaseException:
        return "object"




_ESCAPES = {i: "\\u%04x" % i for i in range(32)}
_ESCAPES[ord('"')] = '\\"'
_ESCAPES[ord("\\")] = "\\\\"
_FLOATS = {"inf": "Infinity", "-inf": "-Infinity", "nan": "NaN"}


def dumps(value):
    """JSON text of an encoded value (dicts, lists, str, int, float, bool, None only)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    kind = type(value)
    if kind is str:
        return '"' + value.translate(_ESCAPES) + '"'
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        text = float.__repr__(value)
        return _FLOATS.get(text, text)
    if kind is list:
        return "[" + ",".join([dumps(v) for v in value]) + "]"
    if kind is dict:
        return "{" + ",".join([dumps(str(k)) + ":" + dumps(v) for k, v in value.items()]) + "}"
    raise EncodeError(f"cannot write {kind.__name__} as JSON")
