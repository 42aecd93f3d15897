"""Runs inside the sandbox, in the same process as the student's code.

Nothing here is trusted: the student's code can patch or replace any of it. It only
serves calls from the runner and can therefore only choose the values its functions
return; the verdict is computed by the runner.

Protocol, on the original stdin/stdout:
  in : frames of a 4-byte big-endian length and a marshal payload (from the trusted side)
       {"source": str, "outputCap": int}   first: the student's code
       {"op": "call", "name": str, "args": [...], "kwargs": [[k, v], ...]}
       {"op": "get", "name": str}
       ... and the operations on handles (objects.py)
  out: one JSON line per frame (parsed by the trusted side with json)
       {"ready": true, "output": str} | {"import_error": exc, "output": str}
       {"value": encoded, "output": str} | {"callable": true} | {"exc": exc, "output": str}
       (a call's reply may carry "back": its arguments' in-place changes)
       {"output_limit": true, "output": str}   printed more than the cap (what fit); the process exits

It imports only what Python has loaded anyway (marshal is built in; codec imports
nothing), so a sandbox is ready sooner.
"""

import io
import marshal
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import codec  # noqa: E402
import objects  # noqa: E402

FILENAME = "solution.py"


class Channel:
    def __init__(self):
        # Keep private copies of the pipes, then point fd 0 at nothing and fd 1 at
        # stderr so that stray writes from the student's code cannot corrupt the channel.
        self.rfd = os.dup(0)
        self.wfd = os.dup(1)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(2, 1)
        os.close(null)

    def _exactly(self, n):
        data = b""
        while len(data) < n:
            chunk = os.read(self.rfd, n - len(data))
            if not chunk:
                os._exit(0)
            data += chunk
        return data

    def read(self):
        size = int.from_bytes(self._exactly(4), "big")
        return marshal.loads(self._exactly(size))

    def write(self, message):
        data = (codec.dumps(message) + "\n").encode("utf-8", "surrogatepass")
        while data:
            data = data[os.write(self.wfd, data):]


class Capture(io.TextIOBase):
    """Collects what the student's code prints; at the cap the job ends as output_limit."""

    def __init__(self, channel, cap):
        self.channel = channel
        self.cap = cap
        self.parts = []
        self.total = 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        self.total += len(text)
        if self.total > self.cap:
            # What fits is kept and sent: the student sees how their output began.
            self.parts.append(text[: max(0, self.cap - (self.total - len(text)))])
            self.channel.write({"output_limit": True, "output": self.take()})
            os._exit(0)
        self.parts.append(text)
        return len(text)

    def take(self):
        text = "".join(self.parts)
        self.parts = []
        return text


def release(tb):
    """The frames of a MemoryError still hold what filled the memory: let it go first, or
    describing the error (which imports traceback) fails for want of memory."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            pass  # a frame still running (serve's own)
        tb = tb.tb_next


def describe(exc, source):
    """An exception as data: type, message, args, and the student's own traceback frames."""
    if isinstance(exc, MemoryError):
        release(exc.__traceback__)
    import linecache
    import traceback

    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == FILENAME]
    info = {
        "type": type(exc).__name__,
        "builtin": type(exc).__module__ == "builtins",
        "message": str(exc)[:2000],
        "traceback": "".join(traceback.format_list(frames))[-4000:],
    }
    if not info["builtin"]:  # the student's own class: the runner rebuilds its nearest builtin base
        info["base"] = next((c.__name__ for c in type(exc).__mro__ if c.__module__ == "builtins"), "Exception")
    try:
        info["args"] = codec.encode(list(exc.args))
    except Exception:
        info["args"] = [str(a)[:2000] for a in exc.args]
    if isinstance(exc, SyntaxError):
        info["line"] = exc.lineno
        info["column"] = exc.offset
    return info


def load(source):
    module = type(sys)("solution")
    module.__file__ = FILENAME
    sys.modules["solution"] = module
    exec(compile(source, FILENAME, "exec"), module.__dict__)
    return module


def warm_up():
    """Runs the paths a job takes once, on throwaway values, before the job's code arrives:
    a new process pays for the first touch of each page it uses, and this way it pays while
    the previous job still runs instead of while its own student waits."""
    sample = [1, 2.5, "text", (1, 2), {3: None}, {"a", "b"}, b"x", True, [[], {}]]
    codec.dumps({"value": codec.encode(sample), "output": ""})
    codec.decode(codec.encode(sample))
    scratch = type(sys)("scratch")
    exec(compile("def f(a, b):\n    return a + b\nclass C:\n    pass\n", FILENAME, "exec"), scratch.__dict__)
    ops = objects.Ops(scratch)
    request = {"op": "call", "name": "f", "args": [[1], [2]], "kwargs": [], "back": [0]}
    ops.run(marshal.loads(marshal.dumps(request)))
    ops.run({"op": "call", "h": ops.run({"op": "get", "name": "C"})["value"]["handle"][0], "args": [], "kwargs": []})
    io.StringIO().write("x")


def serve():
    channel = Channel()
    first = channel.read()
    source = first["source"]
    capture = Capture(channel, first["outputCap"])
    sys.stdout = sys.stderr = capture
    try:
        module = load(source)
    except BaseException as exc:  # SystemExit, KeyboardInterrupt... at import are the student's too
        channel.write({"import_error": describe(exc, source), "output": capture.take()})
        return
    channel.write({"ready": True, "output": capture.take()})
    ops = objects.Ops(module)
    while True:
        request = channel.read()
        try:
            reply = ops.run(request)
        except BaseException as exc:
            reply = {"exc": describe(exc, source)}
        if ops.back:
            reply["back"] = ops.back
        reply["output"] = capture.take()
        channel.write(reply)


if __name__ == "__main__":
    serve()
