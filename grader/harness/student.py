"""Runs inside the sandbox, in the same process as the student's code.

Nothing here is trusted: the student's code can patch or replace any of it. It only
serves calls from the runner (one JSON line in, one JSON line out) and can therefore
only choose the values its functions return; the verdict is computed by the runner.

Protocol (newline-delimited JSON on the original stdin/stdout):
  in : {"source": "..."}                     first message: the student's code
  out: {"ready": true, "output": str}        imported fine
       {"import_error": exc, "output": str}  SyntaxError or an exception at import
  in : {"op": "call", "name": str, "args": [...], "kwargs": [[k, v], ...]}
       {"op": "get", "name": str}
  out: {"value": encoded, "output": str} | {"callable": true} | {"exc": exc, "output": str}
       {"output_limit": true}                printed more than the cap; the process exits
"""

import io
import json
import linecache
import os
import sys
import traceback
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import codec  # noqa: E402

FILENAME = "solution.py"
OUTPUT_CAP = int(os.environ.get("OUTPUT_CAP", "65536"))


class Channel:
    def __init__(self):
        # Keep private copies of the pipes, then point fd 0 at nothing and fd 1 at
        # stderr so that stray writes from the student's code cannot corrupt the channel.
        self.rfile = os.fdopen(os.dup(0), "rb")
        self.wfile = os.fdopen(os.dup(1), "wb")
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(2, 1)
        os.close(null)

    def read(self):
        line = self.rfile.readline()
        if not line:
            os._exit(0)
        return json.loads(line)

    def write(self, message):
        self.wfile.write(json.dumps(message, separators=(",", ":")).encode() + b"\n")
        self.wfile.flush()


class Capture(io.TextIOBase):
    """Collects what the student's code prints; at the cap the job ends as output_limit."""

    def __init__(self, channel):
        self.channel = channel
        self.parts = []
        self.total = 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        self.total += len(text)
        if self.total > OUTPUT_CAP:
            self.channel.write({"output_limit": True})
            os._exit(0)
        self.parts.append(text)
        return len(text)

    def take(self):
        text = "".join(self.parts)
        self.parts = []
        return text


def describe(exc):
    """An exception as data: type, message, args, and the student's own traceback frames."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == FILENAME]
    lines = traceback.format_list(frames)
    info = {
        "type": type(exc).__name__,
        "builtin": type(exc).__module__ == "builtins",
        "message": str(exc)[:2000],
        "traceback": "".join(lines)[-4000:],
    }
    try:
        info["args"] = codec.encode(list(exc.args))
    except Exception:
        info["args"] = [str(a)[:2000] for a in exc.args]
    if isinstance(exc, SyntaxError):
        info["line"] = exc.lineno
        info["column"] = exc.offset
    return info


def load(source, capture):
    module = types.ModuleType("solution")
    module.__file__ = FILENAME
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    sys.modules["solution"] = module
    code = compile(source, FILENAME, "exec")
    exec(code, module.__dict__)
    return module


def serve():
    channel = Channel()
    capture = Capture(channel)
    sys.stdout = sys.stderr = capture
    source = channel.read()["source"]
    try:
        module = load(source, capture)
    except BaseException as exc:  # SystemExit, KeyboardInterrupt... at import are the student's too
        channel.write({"import_error": describe(exc), "output": capture.take()})
        return
    channel.write({"ready": True, "output": capture.take()})
    while True:
        request = channel.read()
        name = request.get("name", "")
        try:
            target = getattr(module, name)
            if request["op"] == "get":
                if callable(target):
                    channel.write({"callable": True})
                    continue
                result = target
            else:
                args = codec.decode(request["args"])
                kwargs = {k: v for k, v in codec.decode({"dict": request["kwargs"]}).items()}
                result = target(*args, **kwargs)
            reply = {"value": codec.encode(result), "output": capture.take()}
        except BaseException as exc:
            reply = {"exc": describe(exc), "output": capture.take()}
        channel.write(reply)


if __name__ == "__main__":
    serve()
