"""Long-lived trusted grading server: one per grader process.

It starts the sandbox zygote once (zygote.py, inside bubblewrap), which makes a fresh,
single-use sandbox for every job. One sandbox is always made in advance, so the next job
finds its student process started; the tests run here, in this trusted process, and talk
to the student's code only through the Student's pipes (runner.py). Slots alternate, and a
slot is reused only after every process of its previous job is gone.

stdin : first line {"sandbox": {"argv", "limits", "slots": [{uid, cgroup}]}, "wallSeconds", "outputCap"}
        then one job per line {"source": str, "tests": str}
stdout: one result per line, {"outcome", ...} or {"error": str} when grading itself failed
"""

import io
import json
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runner  # noqa: E402  (imports unittest etc. once)
from sandboxed import SandboxFailure, Student, Zygote  # noqa: E402


def die_with_parent():
    """If our parent is killed (even by SIGKILL), we die too, and so do our sandboxes."""
    parent = os.getppid()
    try:
        import ctypes
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except Exception:
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def main():
    die_with_parent()
    out = os.fdopen(os.dup(1), "w")
    config = json.loads(sys.stdin.buffer.readline())
    sandbox = config["sandbox"]
    slots = sandbox["slots"]
    zygote = Zygote(sandbox)
    count = 0

    def prepare():
        return Student(zygote, sandbox, slots[count % len(slots)], config["outputCap"])

    def restart():
        """The zygote died (a bug, or killed): a new one, so the job in hand is not lost."""
        nonlocal zygote
        zygote.close()
        zygote = Zygote(sandbox)

    ready, previous = prepare(), None
    try:
        for line in sys.stdin.buffer:
            current = ready
            if previous:  # the next sandbox takes its slot: all of it must be gone first
                previous.close()
            count += 1
            try:
                ready = prepare()  # starts on the other core while this job runs
            except SandboxFailure:
                restart()
                ready = prepare()
            sys.stdout = io.StringIO()  # whatever the trusted tests print goes nowhere
            result = grade(json.loads(line), current, config["wallSeconds"])
            if "error" in result and not current.zygote.alive():  # once more, in a sandbox from a new zygote
                current.close()
                ready.close()
                if not zygote.alive():
                    restart()
                count += 1
                current, ready = prepare(), None
                result = grade(json.loads(line), current, config["wallSeconds"])
                count += 1
                ready = prepare()
            out.write(json.dumps(result) + "\n")
            out.flush()
            current.kill()  # at once; its clean-up finishes before its slot is used again
            previous = current
    finally:
        for student in (previous, ready):
            if student:
                student.close()
        zygote.close()


def grade(job, student, wall_seconds):
    try:
        return runner.grade(job, student, wall_seconds)
    except Exception as exc:  # a failure of the machinery, not the student's fault
        return {"error": f"{type(exc).__name__}: {exc}"}


if __name__ == "__main__":
    main()
