"""The runner's side of the crossing (docs/design.md §4): requests to the student's process,
and stand-ins for the objects that stay there (objects.py is the other side).

Trusted. A reply is data the student's code chose: it is decoded into plain builtin values
and stand-ins, never executed, and a reply that breaks the protocol stops the job as
crashed. A stand-in (RemoteObject) equals, hashes and tests true by its own identity only,
never by the student's __eq__, __hash__ or __bool__: a verdict rests on plain data.
"""

import builtins
import sys
import weakref

import codec
import display
from sandboxed import Stopped

# Items the tests may pull from one student iterator: one round trip each (≈ 75 µs here), so
# 10,000 ends an endless generator in about a second, well inside the wall limit.
MAX_ITEMS = 10_000
MAX_LABEL = 300
MUTABLE = (list, dict, set, bytearray)  # arguments whose in-place changes come back
ORDER = "the tests cannot order your objects (<, >, sorted): compare plain values such as their attributes"


class Refused(Exception):
    """A limit of the crossing; its text is the sentence the student reads."""


class StudentError(Exception):
    """An exception raised by the student's code that has no builtin Exception type to take."""


def exception_info(info):
    """The student's exception as the runner reads it, cleaned once where it arrives: each
    field text of bounded length (or an int, or True), whatever the student's side sent."""
    info = info if isinstance(info, dict) else {}
    clean = {"builtin": info.get("builtin") is True}
    for key, default, limit in (("type", "Error", 100), ("base", "Exception", 100), ("message", "", 2000), ("traceback", "", 4000)):
        try:
            clean[key] = str(info.get(key, default))[:limit]
        except Exception:  # a big int, JSON nested past repr's recursion...
            clean[key] = "?"
    for key in ("line", "column"):
        if type(info.get(key)) is int:
            clean[key] = info[key]
    if "args" in info:
        clean["args"] = info["args"]  # data, decoded within codec's bounds
    return clean


def rebuild_exception(info):
    """The student's exception as a real exception of its builtin type, or of a class of
    the same name under its nearest builtin base (so assertRaises(ValueError) catches it)."""
    name = str(info.get("type"))
    base = name if info.get("builtin") else str(info.get("base"))
    cls = getattr(builtins, base, None)
    exc = None
    if isinstance(cls, type) and issubclass(cls, Exception):
        if not info.get("builtin") and name.isidentifier() and len(name) <= 100:
            cls = type(name, (cls,), {"__module__": "solution"})
        try:
            args = codec.decode(info.get("args", []))
            exc = cls(*args) if isinstance(args, list) else cls(info.get("message", ""))
        except Exception:
            exc = None
    if exc is None:
        exc = StudentError(f"{name}: {info.get('message', '')}")
    exc.student_info = info
    return exc


class Connection:
    """One job's channel: requests, the stand-ins it made, the calls of the current test."""

    def __init__(self, student):
        self.student = student
        self.objects = weakref.WeakValueDictionary()  # handle -> its one stand-in
        self.freed = set()  # handles whose stand-ins are gone, told with the next request
        self.calls = []  # the calls of the current test, as Python source
        self.showing = None  # "label" | "object" while feedback is written (no round trips)

    def crash(self, why="sent a reply the grader could not read"):
        """The student's side broke the protocol: the job stops as crashed (never trusted)."""
        self.student.stop("crashed", why)
        return Stopped("crashed", self.student.stop_detail)

    def send(self, request, expect="value", targets=None):
        """The reply to a request; the student's exception is raised here (after the
        in-place changes of `targets`, a call's arguments, are copied back)."""
        if self.freed:
            request["free"], self.freed = list(self.freed), set()
        reply = self.student.request(request)
        # What the call printed goes to *this* process's stdout, so tests that
        # capture output (contextlib.redirect_stdout) see it as if the call ran here.
        output = reply.get("output")
        if isinstance(output, str) and output:
            sys.stdout.write(output)
        if "back" in reply:
            self.copy_back(targets, request.get("back"), reply["back"])
        if "exc" in reply:
            raise rebuild_exception(exception_info(reply["exc"]))
        if expect and expect not in reply:
            raise self.crash()
        return reply

    def value(self, request, label=None, targets=None):
        return self.decode(self.send(request, targets=targets)["value"], label)

    def decode(self, data, label=None):
        try:
            value = codec.decode(data, hook=self.stand_in)
        except Exception:
            raise self.crash("sent back a value the grader could not read") from None
        if label and type(value) is RemoteObject and value._RemoteObject__label is None:
            object.__setattr__(value, "_RemoteObject__label", label[:MAX_LABEL])
        return value

    def stand_in(self, tag, payload):
        """codec hook: {"handle": [number, type name, short repr]} -> its RemoteObject."""
        if tag != "handle" or type(payload) is not list or len(payload) != 3:
            raise codec.DecodeError("malformed handle")
        number, kind, text = payload
        if type(number) is not int or not 0 < number < 2**53 or type(kind) is not str or type(text) is not str:
            raise codec.DecodeError("malformed handle")
        obj = self.objects.get(number)
        if obj is None:
            self.freed.discard(number)  # its old stand-in is gone, but the object is back
            obj = self.objects[number] = RemoteObject(self, number)
        object.__setattr__(obj, "_RemoteObject__type", kind[:100])  # latest seen: __class__ may change
        object.__setattr__(obj, "_RemoteObject__text", text[:200])
        return obj

    def encode(self, value):
        return codec.encode(value, hook=self.reference)

    def reference(self, value):
        """codec hook: our stand-ins go back as the student's real objects."""
        kind = type(value)
        if kind is RemoteObject and value._RemoteObject__connection is self:
            return {"ref": value._RemoteObject__number}
        if kind is RemoteMethod and value.owner._RemoteObject__connection is self:
            return {"method": [value.owner._RemoteObject__number, value.name]}
        if kind is RemoteFunction and value.connection is self:
            return {"global": value.__name__}
        raise Refused(
            f"The tests tried to pass a {kind.__name__} to your code: only plain values and your own"
            " objects can be passed (functions from the tests, such as key=, are not supported yet)."
        )

    def call(self, request, args, kwargs, shown):
        """A call, recorded for feedback; in-place changes to plain containers come back."""
        self.calls.append(f"{shown}({self.show_arguments(args, kwargs)})")
        request["args"] = self.encode(list(args))
        request["kwargs"] = [[k, self.encode(v)] for k, v in kwargs.items()]
        back = [i for i, a in enumerate(args) if isinstance(a, MUTABLE)] + [k for k, v in kwargs.items() if isinstance(v, MUTABLE)]
        if back:
            request["back"] = back
        return self.value(request, self.calls[-1], (args, kwargs))

    def copy_back(self, targets, allowed, changes):
        if targets is None or not allowed or type(changes) is not list:
            raise self.crash()
        args, kwargs = targets
        for change in changes:
            if type(change) is not list or len(change) != 2 or type(change[0]) not in (int, str) or change[0] not in allowed:
                raise self.crash()
            target = args[change[0]] if type(change[0]) is int else kwargs[change[0]]
            new = self.decode(change[1])
            if not _same_kind(target, new):
                raise self.crash()
            if isinstance(target, (list, bytearray)):
                target[:] = new
            else:
                target.clear()
                target.update(new)

    def show_arguments(self, args, kwargs):
        shown = [self.show(a, 200, "label") for a in args] + [f"{k}={self.show(v, 200, 'label')}" for k, v in kwargs.items()]
        return ", ".join(shown)

    def show(self, value, limit=1000, mode="object"):
        """repr for feedback; stand-ins show what is known here, without asking."""
        self.showing = mode
        try:
            try:
                text = repr(value)
            except ValueError:  # an int too long for str(), maybe inside a container
                text = repr(display.without_big_ints(value))
        finally:
            self.showing = None
        return text if len(text) <= limit else text[: limit - 1] + "…"


def _same_kind(target, new):
    return any(isinstance(target, kind) and type(new) is kind for kind in MUTABLE)


def _refuse_order(self, other):
    raise TypeError(ORDER)


class RemoteObject:
    """Stands in for one of the student's objects. Attribute reads and writes, calls, str,
    repr, len, `in`, [] and iteration ask the student's process; ==, hash and bool are
    this stand-in's identity (two stand-ins are the same exactly when they name the same
    object), and bool is always True (the student's __bool__ and __len__ are not asked)."""

    __slots__ = ("__connection", "__number", "__type", "__text", "__label", "__pulled", "__weakref__")

    def __init__(self, connection, number):
        for name, value in (("connection", connection), ("number", number), ("type", "object"),
                            ("text", ""), ("label", None), ("pulled", 0)):
            object.__setattr__(self, "_RemoteObject__" + name, value)

    def __del__(self):
        connection = getattr(self, "_RemoteObject__connection", None)
        if connection is not None:
            connection.freed.add(self.__number)

    def _ask(self, op, **fields):
        return self.__connection.value({"op": op, "h": self.__number, **fields})

    def _encode(self, value):
        return self.__connection.encode(value)

    def __getattr__(self, name):
        if (name.startswith("__") and name.endswith("__")) or name.startswith("_RemoteObject__"):
            raise AttributeError(name)  # Python's protocols (copy, pickle...) are not the student's
        reply = self.__connection.send({"op": "get", "h": self.__number, "name": name}, expect=None)
        if reply.get("method") is True:
            return RemoteMethod(self, name)
        if "value" not in reply:
            raise self.__connection.crash()
        return self.__connection.decode(reply["value"], f"{_label(self)}.{name}")

    def __setattr__(self, name, value):
        self._ask("set", name=name, value=self._encode(value))

    def __delattr__(self, name):
        raise TypeError("the tests cannot delete attributes of your objects")

    def __call__(self, *args, **kwargs):
        return self.__connection.call({"op": "call", "h": self.__number}, args, kwargs, _label(self))

    def __str__(self):
        return self._text("str")

    def __repr__(self):
        mode = self.__connection.showing
        if mode == "label" and self.__label:
            return self.__label
        if mode:
            return f"<{self.__type} object: {self.__text}>" if self.__text else f"<{self.__type} object>"
        return self._text("repr")

    def _text(self, op):
        text = self._ask(op)
        if type(text) is not str:
            raise self.__connection.crash()
        return text

    def __len__(self):
        n = self._ask("len")
        if type(n) is not int or not 0 <= n <= sys.maxsize:
            raise self.__connection.crash()
        return n

    def __contains__(self, value):
        found = self._ask("contains", value=self._encode(value))
        if type(found) is not bool:
            raise self.__connection.crash()
        return found

    def __getitem__(self, key):
        return self._ask("item", key=self._encode(key))

    def __setitem__(self, key, value):
        self._ask("setitem", key=self._encode(key), value=self._encode(value))

    def __delitem__(self, key):
        self._ask("delitem", key=self._encode(key))

    def __iter__(self):
        iterator = self._ask("iter")
        if type(iterator) is not RemoteObject:
            raise self.__connection.crash()
        return iterator

    def __next__(self):
        if self.__pulled >= MAX_ITEMS:
            raise Refused(
                f"Your {self.__type} gave more than {MAX_ITEMS:,} items and the tests stopped asking:"
                " does it ever end?"
            )
        object.__setattr__(self, "_RemoteObject__pulled", self.__pulled + 1)
        reply = self.__connection.send({"op": "next", "h": self.__number}, expect=None)
        if reply.get("done") is True:
            raise StopIteration
        if "value" not in reply:
            raise self.__connection.crash()
        return self.__connection.decode(reply["value"])

    def __bool__(self):
        return True

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    __hash__ = object.__hash__
    __lt__ = __le__ = __gt__ = __ge__ = _refuse_order

    def __reduce_ex__(self, protocol):
        raise TypeError("the tests cannot copy your objects: compare plain values such as their attributes")


def _label(obj):
    """How an object shows as the receiver of a call: how the tests got it, else its type."""
    return obj._RemoteObject__label or f"<{obj._RemoteObject__type} object>"


class RemoteMethod:
    """obj.method read by a test: called, it asks for the method by name (one round trip)."""

    __slots__ = ("owner", "name")

    def __init__(self, owner, name):
        self.owner, self.name = owner, name

    def __call__(self, *args, **kwargs):
        request = {"op": "call", "h": self.owner._RemoteObject__number, "name": self.name}
        return self.owner._RemoteObject__connection.call(request, args, kwargs, f"{_label(self.owner)}.{self.name}")

    def __repr__(self):
        return f"{_label(self.owner)}.{self.name}"


class RemoteFunction:
    """A function of the student's module, called by name (a rebinding is seen)."""

    def __init__(self, connection, name):
        self.connection, self.__name__ = connection, name

    def __call__(self, *args, **kwargs):
        return self.connection.call({"op": "call", "name": self.__name__}, args, kwargs, self.__name__)

    def __repr__(self):
        return self.__name__


def type_name(value):
    """The student's class name of a value the tests got from the student's code."""
    if type(value) is RemoteObject:
        return value._RemoteObject__type
    if type(value) in (RemoteMethod, RemoteFunction):
        return "method" if type(value) is RemoteMethod else "function"
    info = getattr(value, "student_info", None) if isinstance(value, BaseException) else None
    return str(info.get("type")) if isinstance(info, dict) else type(value).__name__
