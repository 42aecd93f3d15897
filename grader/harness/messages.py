"""Feedback in plain words, for beginners."""

NOT_RUN = "Not run: your program was stopped during an earlier test."

def size(n):
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n // 1024} KiB"


def _reason(reason, detail, limits):
    """Why a run was stopped, with the limit it hit (limits: cpu and wall seconds, memory
    and output bytes; any may be missing)."""
    limits = limits or {}
    if reason == "time_limit":
        if detail == "cpu" and limits.get("cpu"):
            return f"it used all of its {limits['cpu']} s of CPU time. Is there a loop that never ends?"
        if detail == "wall" and limits.get("wall"):
            return (f"it was still running after {limits['wall']} s. Is there a loop that never ends,"
                    " or a sleep() that waits too long?")
        return "it ran out of time. Is there a loop that never ends?"
    if reason == "memory_limit":
        allowed = f" than the {size(limits['memory'])} allowed" if limits.get("memory") else " than allowed"
        return f"it used more memory{allowed}. Is a list or string growing without end?"
    if reason == "output_limit":
        allowed = f" than the {size(limits['output'])} allowed" if limits.get("output") else " than allowed"
        return f"it printed more{allowed}. Is there a print inside a loop that never ends?"
    if reason == "crashed":
        if detail and not detail.startswith("exit status"):
            return f"the Python process {detail}."
        return "the Python process stopped unexpectedly (for example by os._exit or a crash)."
    return "it was stopped."


def stopped(reason, detail, test_name, limits=None):
    return f"Stopped in {test_name}: {_reason(reason, detail, limits)}"


def stopped_at_import(reason, detail, limits=None):
    return f"Your code was stopped before the tests could run: {_reason(reason, detail, limits)}"


def import_failed(info):
    kind = info.get("type", "Error")
    message = info.get("message", "")
    if kind in ("SyntaxError", "IndentationError", "TabError"):
        where = f"line {info.get('line')}" + (f", column {info.get('column')}" if info.get("column") else "")
        return f"{kind} at {where}: Python could not read your code. {message}"
    if kind == "SystemExit":
        return "Your code called exit() while loading, so the tests could not run."
    trace = info.get("traceback", "")
    return f"Your code raised {kind} while loading, before any test ran: {message}\n{trace}".rstrip()


def missing(name):
    if not name:
        return "The tests could not find what they need in your code."
    return f"Your code does not define {name!r}. Check the spelling of the function name in the handout."


def raised(exc, info):
    if info is None:
        return f"{type(exc).__name__}: {exc}"
    trace = info.get("traceback", "").rstrip()
    return f"Your code raised {info.get('type')}: {info.get('message', '')}\n{trace}".rstrip()


def summary(outcome, tests):
    passed = sum(1 for t in tests if t["passed"])
    total = len(tests)
    if outcome == "passed":
        return f"All {total} tests passed."
    if outcome == "failed":
        return f"{passed} of {total} tests passed."
    if outcome == "runtime_error":
        return f"Your code raised an error. {passed} of {total} tests passed."
    return {
        "time_limit": "Your code ran out of time.",
        "memory_limit": "Your code used too much memory.",
        "output_limit": "Your code printed too much.",
    }.get(outcome, "") + f" {passed} of {total} tests passed."
