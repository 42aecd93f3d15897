"""Feedback in plain words, for beginners."""

NOT_RUN = "Not run: your program was stopped during an earlier test."

_STOP_REASONS = {
    "time_limit": "it ran out of time. Is there a loop that never ends?",
    "memory_limit": "it used more memory than allowed. Is a list or string growing without end?",
    "output_limit": "it printed more than allowed. Is there a print inside a loop that never ends?",
    "crashed": "the Python process stopped unexpectedly (for example by os._exit or a crash).",
}


def _reason(reason, detail):
    if reason == "time_limit" and detail == "cpu":
        return "it used all of its CPU time. Is there a loop that never ends?"
    text = _STOP_REASONS.get(reason, "it was stopped.")
    if reason == "crashed" and detail and not detail.startswith("exit status"):
        text = f"the Python process {detail}."
    return text


def stopped(reason, detail, test_name):
    return f"Stopped in {test_name}: {_reason(reason, detail)}"


def stopped_at_import(reason, detail):
    return f"Your code was stopped before the tests could run: {_reason(reason, detail)}"


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
