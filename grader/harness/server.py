"""Long-lived trusted grading server: one per grader process.

It never grades in its own process. It keeps one job process forked in advance, which
has already started its own fresh sandbox (a warm, single-use bwrap + python). A job
line from the grader goes to that process; the next one is forked at once, so its
sandbox starts while the current job runs. Each job process grades once and exits, so
no state passes from one job to the next, on either side of the sandbox.

stdin : first line {"sandbox": {"argv", "limits", "slots": [{uid, cgroup}]}, "wallSeconds", "outputCap"}
        then one job per line {"source": str, "tests": str}
stdout: one result per line, {"outcome", ...} or {"error": str} when grading itself failed
"""

import collections
import io
import json
import os
import select
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runner  # noqa: E402  (imports unittest etc. once, before any fork)
from sandboxed import Student, become_subreaper  # noqa: E402


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


def read_line(fd):
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        data += chunk
    return data


class JobProcess:
    """A forked process holding a started sandbox, waiting for its one job."""

    def __init__(self, config, slot):
        job_r, self.job_w = os.pipe()
        self.result_r, result_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the job process keeps only its own two pipes
            keep = {0, 1, 2, job_r, result_w}
            for fd in map(int, os.listdir("/proc/self/fd")):
                if fd not in keep:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            self._serve(config, slot, job_r, result_w)
        os.close(job_r)
        os.close(result_w)

    @staticmethod
    def _serve(config, slot, job_r, result_w):
        code = 0
        try:
            die_with_parent()
            become_subreaper()
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)  # the grader's pipes belong to the server
            os.dup2(null, 1)
            sys.stdout = io.StringIO()
            student = Student(config["sandbox"], slot, config["outputCap"])
            try:
                line = read_line(job_r)
                if line:  # no line: the server closed without a job, the sandbox is discarded
                    try:
                        result = runner.grade(json.loads(line), student, config["wallSeconds"])
                    except Exception as exc:  # a bug on the trusted side, not the student's fault
                        result = {"error": f"{type(exc).__name__}: {exc}"}
                    os.write(result_w, json.dumps(result).encode() + b"\n")
                    os.close(result_w)  # the grader has its answer; the clean-up is off its clock
            finally:
                student.close()
        except BaseException:
            code = 1
        finally:
            os._exit(code)

    def send(self, line):
        os.write(self.job_w, line)
        os.close(self.job_w)

    def result(self, timeout):
        ready, _, _ = select.select([self.result_r], [], [], timeout)
        data = read_line(self.result_r) if ready else b""
        if not data:
            os.kill(self.pid, signal.SIGKILL)
        os.close(self.result_r)
        self._reap()
        return data.decode() if data else json.dumps({"error": "the job process did not answer"}) + "\n"

    def discard(self):
        os.close(self.job_w)
        os.close(self.result_r)
        self._reap()

    def _reap(self):
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def main():
    die_with_parent()
    out = os.fdopen(os.dup(1), "w")
    sys.stdout = io.StringIO()
    config = json.loads(sys.stdin.buffer.readline())
    slots = config["sandbox"]["slots"]
    # Backstop only: the job process enforces the wall limit itself.
    timeout = config["wallSeconds"] + 10
    # Every slot but the running job's holds a warm sandbox; slots rotate, so a sandbox
    # never shares its uid or cgroup with another one alive at the same time.
    ready = collections.deque(JobProcess(config, slot) for slot in slots[:-1])
    count = len(ready)
    try:
        for line in sys.stdin.buffer:
            current = ready.popleft()
            current.send(line)
            ready.append(JobProcess(config, slots[count % len(slots)]))
            count += 1
            result = current.result(timeout)
            out.write(result if result.endswith("\n") else result + "\n")
            out.flush()
    finally:
        for job in ready:
            job.discard()


if __name__ == "__main__":
    main()
