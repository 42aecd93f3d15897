"""Trusted test runner: runs an assignment's unittest tests against a sandboxed student.

The tests run here, in a process the student's code cannot reach. `solution` is a
proxy module: attribute access and calls go over a pipe to the sandbox, and values
come back as plain data (codec.py) or as stand-ins for the student's objects (remote.py).
The verdict is computed only from what happens here.

grade() returns {"outcome", "message", "tests": [{name, passed, message}], "output"}.
"""

import io
import os
import signal
import sys
import time
import types
import unittest
import unittest.util

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import display  # noqa: E402
import messages  # noqa: E402
import remote  # noqa: E402
from sandboxed import Stopped  # noqa: E402


def _remember_comparison(method, actual_expected):
    """Keeps what a failed assertion compared, for feedback (expected vs actual)."""
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except self.failureException as exc:
            exc.comparison = actual_expected(*args)
            raise
        except ValueError as exc:
            if hasattr(exc, "student_info"):
                raise
            # unittest's diff (pprint) met an int too long for str(): still a failure
            failure = self.failureException(" != ".join(_safe_repr(v, True) for v in actual_expected(*args)))
            failure.comparison = actual_expected(*args)
            raise failure from None
    return wrapper


def _safe_repr(obj, short=False, _original=unittest.util.safe_repr):
    """unittest's message repr, with `<int with N digits>` where it would say `<int object at …>`."""
    return _original(display.readable(obj), short)


unittest.util.safe_repr = unittest.case.safe_repr = _safe_repr


# The runner is trusted and the student's code never runs in it: patching unittest here
# only adds information to failures. Beginner tests write assertEqual(actual, expected).
for _name in ("assertEqual", "assertAlmostEqual", "assertListEqual", "assertTupleEqual",
              "assertDictEqual", "assertSetEqual", "assertCountEqual", "assertMultiLineEqual"):
    setattr(unittest.TestCase, _name, _remember_comparison(getattr(unittest.TestCase, _name), lambda a, b, *_: (a, b)))
unittest.TestCase.assertIsNone = _remember_comparison(unittest.TestCase.assertIsNone, lambda a, *_: (a, None))


class SolutionProxy(types.ModuleType):
    """The module `solution` as the tests see it: its names are read over the pipe."""

    def __init__(self, connection):
        super().__init__("solution")
        self._connection = connection
        self.missing = None

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        self.missing = name
        try:
            reply = self._connection.send({"op": "get", "name": name}, expect=None)
        except AttributeError:
            raise AttributeError(f"solution.py does not define {name!r}") from None
        self.missing = None
        if reply.get("callable") is True:
            return remote.RemoteFunction(self._connection, name)
        if "value" not in reply:
            raise self._connection.crash()
        return self._connection.decode(reply["value"], name)


class Collector(unittest.TestResult):
    """Keeps the exception objects, not only formatted tracebacks."""

    def __init__(self):
        super().__init__()
        self.problem = None  # ("failure" | "error", exception)

    def _keep(self, kind, err):
        if self.problem is None:
            self.problem = (kind, err[1])

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._keep("failure", err)

    def addError(self, test, err):
        super().addError(test, err)
        self._keep("error", err)

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._keep("failure" if issubclass(err[0], AssertionError) else "error", err)


def flatten(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from flatten(item)
        else:
            yield item


class Deadline:
    """The job's wall deadline over the runner's own work too (decoding replies, unittest's
    diff of huge values): at the deadline a signal stops the job as time_limit wherever the
    runner is in Python code (a C call, such as json.loads of a capped reply, ends first)."""

    def __init__(self, student):
        self.student = student
        self.armed = False

    def __enter__(self):
        signal.signal(signal.SIGALRM, self.expired)
        self.armed = True
        # Again every 0.1 s past the deadline: a test's `except Exception` may swallow one.
        signal.setitimer(signal.ITIMER_REAL, max(self.student.deadline - time.monotonic(), 0.001), 0.1)

    def __exit__(self, *exc):
        self.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)

    def expired(self, signum, frame):
        if self.armed:  # else it is being disarmed: the student's side keeps its own deadline
            self.student.stop("time_limit", "wall")
            raise Stopped("time_limit", "wall")


def failure_details(exc, connection):
    details = {}
    if connection.calls:
        details["call"] = connection.calls[-1]
    comparison = getattr(exc, "comparison", None)
    try:
        if comparison is not None:
            details["actual"], details["expected"] = connection.show(comparison[0]), connection.show(comparison[1])
    except Exception:  # showing a value must never turn a verdict into a grader error
        pass
    return details


def run_tests(test_module, student, output, connection):
    deadline = Deadline(student)
    results, kinds = [], []
    for test in flatten(unittest.defaultTestLoader.loadTestsFromModule(test_module)):
        name = getattr(test, "_testMethodName", str(test))
        if not student.alive:
            results.append({"name": name, "passed": False, "message": messages.NOT_RUN})
            kinds.append("not_run")
            continue
        collector = Collector()
        connection.calls = []
        sys.stdout = output
        try:
            with deadline:
                test.run(collector)
        except Stopped as stop:  # the deadline passed in unittest's own code, outside the test
            collector.problem = ("error", stop)
        if collector.problem is None and collector.wasSuccessful():
            results.append({"name": name, "passed": True, "message": ""})
            kinds.append("passed")
            continue
        kind, exc = collector.problem or ("failure", AssertionError("failed"))
        if isinstance(exc, Stopped):
            kinds.append(exc.reason)
            message = messages.stopped(exc.reason, exc.detail, name, student.limits)
        elif kind == "failure":
            kinds.append("failed")
            message = str(exc)
        else:
            info = getattr(exc, "student_info", None)
            out_of_memory = bool(info) and info.get("type") == "MemoryError"
            kinds.append("memory_limit" if out_of_memory else "runtime_error")
            message = str(exc) if isinstance(exc, remote.Refused) else messages.raised(exc, info)
            if out_of_memory:  # the next tests would only fill the memory again: stop here
                student.stop("memory_limit")
        results.append({"name": name, "passed": False, "message": message, **failure_details(exc, connection)})
    return results, kinds


def decide(kinds):
    for stop in ("time_limit", "memory_limit", "output_limit"):
        if stop in kinds:
            return stop
    if kinds and all(k == "passed" for k in kinds):
        return "passed"
    if "runtime_error" in kinds or "crashed" in kinds:
        return "runtime_error"
    return "failed"


def grade(job, student, wall_seconds):
    """Grades one job with a started, unused Student. The caller closes the Student
    right after it has passed the result on (the clean-up is off the grader's clock)."""
    output = io.StringIO()
    student.begin(wall_seconds)
    try:
        ready = student.request({"source": job["source"], "outputCap": student.output_cap})
    except Stopped as stop:
        return result(outcome_of_stop(stop.reason), messages.stopped_at_import(stop.reason, stop.detail, student.limits), [], output, student)
    output.write(ready["output"])
    if "import_error" in ready:
        info = remote.exception_info(ready["import_error"])
        return result(import_outcome(info), messages.import_failed(info), [], output, student)
    connection = remote.Connection(student)
    proxy = SolutionProxy(connection)
    try:
        with Deadline(student):
            test_module = load_tests(job["tests"], proxy)
    except Stopped as stop:
        return result(outcome_of_stop(stop.reason), messages.stopped_at_import(stop.reason, stop.detail, student.limits), [], output, student)
    except (ImportError, AttributeError):
        return result("failed", messages.missing(proxy.missing), [], output, student)
    except Exception as exc:  # reading a name of the student's module raised in their code
        if not hasattr(exc, "student_info"):
            raise
        return result("runtime_error", messages.raised(exc, exc.student_info), [], output, student)
    tests, kinds = run_tests(test_module, student, output, connection)
    if student.ran_out_of_memory():  # a process of the job was OOM-killed, even if the tests did not notice
        kinds.append("memory_limit")
    if student.stop_reason in ("time_limit", "output_limit"):  # even if a test swallowed its Stopped
        kinds.append(student.stop_reason)
    outcome = decide(kinds)
    return result(outcome, messages.summary(outcome, tests), tests, output, student)


def load_tests(source, proxy):
    sys.modules["solution"] = proxy
    module = types.ModuleType("test_solution")
    module.__file__ = "test_solution.py"
    exec(compile(source, "test_solution.py", "exec"), module.__dict__)
    return module


def outcome_of_stop(reason):
    return reason if reason in ("time_limit", "memory_limit", "output_limit") else "runtime_error"


def import_outcome(info):
    kind = info.get("type")
    if kind in ("SyntaxError", "IndentationError", "TabError"):
        return "syntax_error"
    return "memory_limit" if kind == "MemoryError" else "runtime_error"


def clean(text, limit=4000):
    """Text Postgres can store (no NUL characters, no lone surrogates), of bounded size:
    an assertion message may hold the whole repr of a huge returned value."""
    text = str(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("\x00", "\N{SYMBOL FOR NULL}").encode("utf-8", "replace").decode("utf-8")


def result(outcome, message, tests, output, student):
    student.drain()
    text = output.getvalue() + student.printed_before_stop + bytes(student.raw_output).decode("utf-8", "replace")
    if len(text) > student.output_cap or outcome == "output_limit":
        # Say so where the student reads it, not only by a trailing "…".
        text = text[: student.output_cap] + f"\n… (cut here: only the first {messages.size(student.output_cap)} of what your code printed is kept)"
    return {
        "outcome": outcome,
        "message": clean(message),
        "tests": [{k: v if k == "passed" else clean(v) for k, v in t.items()} for t in tests],
        "output": clean(text, student.output_cap + 200),
    }
