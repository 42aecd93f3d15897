"""The student's side of remote handles (docs/design.md §4): what cannot cross as plain
data stays in this process, in a table, and the runner names it by number.

Runs in the sandbox, beside the student's code: nothing here is trusted (that code can
patch any of it). It only answers the runner's requests, so it chooses answers, never how
the runner reads them. Like student.py it imports nothing Python has not loaded anyway.

Requests (made by the runner, so well-formed), each naming its target by "h" (a handle)
and/or "name" (an attribute of the handle, else a global of the student's module):
  get                 the target's value; {"callable": true} for a module's function and
                      {"method": true} for a bound method (called later by name, not kept)
  call                target(*args, **kwargs); "back" lists the arguments (positions or
                      keyword names) whose in-place changes go back as [[position, value]]
  set                 setattr(handle, name, value)
  item, setitem, delitem, contains, len, str, repr, iter, next
Request "free" lists handles the runner no longer holds.
"""

import codec

MAX_HANDLES = 10_000
SHORT_REPR = 200


def _function():
    pass


class _Class:
    def method(self):
        pass


FUNCTION = type(_function)
METHOD = type(_Class().method)
BUILTIN_METHOD = type([].append)


def short_repr(value):
    """The object's repr for feedback, cut short; "" when its class keeps object's own."""
    try:
        if type(value).__repr__ is object.__repr__:
            return ""
        text = repr(value)
        return str.__str__(text)[:SHORT_REPR] if isinstance(text, str) else "?"
    except BaseException:
        return "?"


class Handles:
    def __init__(self, module):
        self.module = module
        self.objects = {}  # handle -> object (kept alive, so its id() stays its own)
        self.numbers = {}  # id(object) -> handle: the object's own __hash__/__eq__ never run
        self.next = 1

    def encode(self, value):
        """codec hook: an object that is not plain data becomes a handle."""
        number = self.numbers.get(id(value))
        if number is None:
            if len(self.objects) >= MAX_HANDLES:
                raise codec.EncodeError(
                    f"the tests hold more than {MAX_HANDLES:,} of your objects at once;"
                    " does your code make a new object on every call?"
                )
            number, self.next = self.next, self.next + 1
            self.objects[number] = value
            self.numbers[id(value)] = number
        return {"handle": [number, codec.class_name(value), short_repr(value)]}

    def decode(self, tag, payload):
        """codec hook: the runner names one of our objects."""
        if tag == "ref":
            return self.get(payload)
        if tag == "method" and isinstance(payload, list) and len(payload) == 2:
            return getattr(self.get(payload[0]), str(payload[1]))
        if tag == "global" and isinstance(payload, str):
            return getattr(self.module, payload)
        raise codec.DecodeError(f"unknown tag {tag!r}")

    def get(self, number):
        try:
            return self.objects[number]
        except (KeyError, TypeError):
            raise codec.DecodeError("no such object") from None

    def free(self, numbers):
        for number in numbers:
            value = self.objects.pop(number, None)
            if value is not None:
                self.numbers.pop(id(value), None)


class Ops:
    def __init__(self, module):
        self.handles = Handles(module)
        self.module = module
        self.back = None  # the in-place changes of the last call's arguments

    def run(self, request):
        self.back = None
        if "free" in request:
            self.handles.free(request["free"])
        return getattr(self, "op_" + request["op"])(request)

    def encode(self, value):
        first = self.handles.next
        try:
            return codec.encode(value, hook=self.handles.encode)
        except BaseException:  # the handles made for a value never sent would never be freed
            self.handles.free(range(first, self.handles.next))
            raise

    def decode(self, data):
        return codec.decode(data, hook=self.handles.decode)

    def target(self, request):
        if "h" not in request:
            return getattr(self.module, request["name"])
        obj = self.handles.get(request["h"])
        return getattr(obj, request["name"]) if "name" in request else obj

    def op_get(self, request):
        value = self.target(request)
        if "h" not in request and type(value) is FUNCTION:
            return {"callable": True}
        if "h" in request and (
            type(value) is METHOD or (type(value) is BUILTIN_METHOD and value.__self__ is self.handles.get(request["h"]))
        ):
            return {"method": True}
        return {"value": self.encode(value)}

    def op_call(self, request):
        target = self.target(request)
        args = self.decode(request["args"])
        kwargs = self.decode({"dict": request["kwargs"]})
        try:
            return {"value": self.encode(target(*args, **kwargs))}
        finally:
            if "back" in request:
                self.back = self.changes(request, args, kwargs)

    def changes(self, request, args, kwargs):
        """The arguments the call changed in place, as they are now."""
        sent = dict(request["kwargs"])
        out = []
        for position in request["back"]:
            now, before = (args[position], request["args"][position]) if type(position) is int else (kwargs[position], sent[position])
            try:
                data = self.encode(now)
            except codec.EncodeError as exc:
                raise codec.EncodeError(f"an argument your code changed in place cannot be sent back: {exc}") from None
            if data != before:
                out.append([position, data])
        return out

    def op_set(self, request):
        setattr(self.handles.get(request["h"]), request["name"], self.decode(request["value"]))
        return {"value": None}

    def op_item(self, request):
        return {"value": self.encode(self.handles.get(request["h"])[self.decode(request["key"])])}

    def op_setitem(self, request):
        self.handles.get(request["h"])[self.decode(request["key"])] = self.decode(request["value"])
        return {"value": None}

    def op_delitem(self, request):
        del self.handles.get(request["h"])[self.decode(request["key"])]
        return {"value": None}

    def op_contains(self, request):
        return {"value": self.decode(request["value"]) in self.handles.get(request["h"])}

    def op_len(self, request):
        return {"value": len(self.handles.get(request["h"]))}

    def op_str(self, request):
        return {"value": str.__str__(str(self.handles.get(request["h"])))}

    def op_repr(self, request):
        return {"value": str.__str__(repr(self.handles.get(request["h"])))}

    def op_iter(self, request):
        return {"value": self.encode(iter(self.handles.get(request["h"])))}

    def op_next(self, request):
        try:
            return {"value": self.encode(next(self.handles.get(request["h"])))}
        except StopIteration:
            return {"done": True}
