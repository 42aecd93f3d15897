"""The trusted side's handle on one sandboxed student process: spawn, talk, stop.

A Student is started before its job arrives (a warm, single-use sandbox made by the
zygote, see zygote.py); the wall clock starts with begin(). The zygote applies
every limit in the student process before the student's code is read: cgroup membership
(whole-job memory and process count), rlimits, the slot's uid, no capabilities.
"""

import json
import marshal
import os
import select
import signal
import socket
import subprocess
import time

from seccomp import build as seccomp_filter

# The largest honest reply is about 2.6 MB: 100,000 items (codec.MAX_ITEMS) of the longest
# floats and the output cap. json.loads of a reply of `[],[],…` costs ≈ 27 bytes per byte,
# ≈ 85 MB of the runner's memory at this cap (the grader pod's whole limit is 1 GiB).
MAX_REPLY = 3 * 1024 * 1024


class Stopped(Exception):
    """The student process is gone; `reason` is an outcome or 'crashed'."""

    def __init__(self, reason, detail=""):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


class SandboxFailure(Exception):
    """The sandbox could not be set up: the grader's fault, not the student's."""


class Zygote:
    """The long-lived sandboxed process that forks a fresh sandbox per job (zygote.py)."""

    def __init__(self, sandbox):
        self.control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        keep = [theirs.fileno()]
        argv = list(sandbox["argv"])
        if "{seccomp}" in argv:  # bwrap reads the filter from a pipe
            r, w = os.pipe()
            os.write(w, seccomp_filter())
            os.close(w)
            keep.append(r)
            argv = [a.replace("{seccomp}", str(r)) for a in argv]
        argv = [a.replace("{control}", str(theirs.fileno())) for a in argv]
        try:
            self.proc = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                env={}, pass_fds=keep, start_new_session=True,
            )
        finally:
            for fd in keep:
                os.close(fd)

    def spawn(self, request, fds):
        if not self.alive():
            raise SandboxFailure(f"the sandbox zygote exited ({self.proc.returncode})")
        socket.send_fds(self.control, [marshal.dumps(request)], fds)

    def alive(self):
        return self.proc.poll() is None

    def close(self):
        self.control.close()
        try:
            self.proc.wait(2)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _read_counter(spec):
    if not spec:
        return 0
    try:
        with open(spec["file"]) as f:
            for line in f:
                key, _, value = line.partition(" ")
                if key == spec["key"]:
                    return int(value)
    except OSError:
        pass
    return 0


class Student:
    def __init__(self, zygote, sandbox, slot, output_cap):
        self.zygote = zygote
        self.output_cap = output_cap
        self.deadline = None
        self.stop_reason = None
        self.stop_detail = ""
        self.raw_output = bytearray()
        self.printed_before_stop = ""  # what the call that hit the output cap printed (up to the cap)
        self.printed = 0  # characters of output the replies carried so far
        self.buffer = b""
        self.returncode = None
        self.killed_here = False  # by _wait, not by a limit
        # What a beginner is told when a limit stops the run (the job's memory is bounded per
        # process by RLIMIT_AS, and a little more for the whole job by its cgroup).
        self.limits = {
            "cpu": sandbox["limits"].get("RLIMIT_CPU", [None])[0],
            "memory": sandbox["limits"].get("RLIMIT_AS", [None])[0],
            "output": output_cap,
        }
        root = os.geteuid() == 0
        cgroup = slot.get("cgroup") if root else None
        # Without a job cgroup, the grader's own (a container's memory limit) counts OOM kills.
        self.oom = (cgroup and cgroup.get("oom")) or sandbox.get("oom")
        self.cgroup_kill = cgroup and cgroup.get("kill")
        self.oom_before = _read_counter(self.oom)
        ours, theirs = [], []
        for reading_end_is_ours in (False, True, True, True, False, True):  # stdin stdout stderr status kill setup
            r, w = os.pipe()
            ours.append(r if reading_end_is_ours else w)
            theirs.append(w if reading_end_is_ours else r)
        try:
            zygote.spawn({
                "uid": slot.get("uid") if sandbox.get("jobUids") else None,
                "limits": sandbox["limits"],
                "cgroups": cgroup["join"] if cgroup else [],
                "hide": cgroup["hide"] if cgroup else [],
            }, theirs)
        except BaseException:
            for fd in ours:
                os.close(fd)
            raise
        finally:
            for fd in theirs:
                os.close(fd)
        self.stdin_fd, self.stdout_fd, stderr, self.status_fd, self.kill_fd, self.setup_fd = ours
        os.set_blocking(self.stdin_fd, False)
        self.stderr_fd, self.stderr_open = stderr, True

    def begin(self, wall_seconds):
        """The job starts now: start the wall clock."""
        self.deadline = time.monotonic() + wall_seconds
        self.limits["wall"] = wall_seconds

    def _take_stderr(self):
        # Bytes written straight to fd 1/2 (bypassing print) count against the output cap too.
        chunk = os.read(self.stderr_fd, 65536)
        if not chunk:
            self.stderr_open = False
            return
        room = self.output_cap - self.printed - len(self.raw_output)
        self.raw_output += chunk[: max(room, 0)]
        if len(chunk) > room:
            self.stop("output_limit")
            raise Stopped("output_limit")

    def drain(self):
        """Takes what is left on stderr (the job is over, or about to be)."""
        try:
            while self.stderr_open and select.select([self.stderr_fd], [], [], 0)[0]:
                self._take_stderr()
        except (Stopped, OSError):
            pass

    def ran_out_of_memory(self):
        """Whether the cgroup OOM-killed any process of this job so far."""
        return bool(self.oom) and _read_counter(self.oom) > self.oom_before

    @property
    def alive(self):
        return self.stop_reason is None

    def request(self, message):
        if not self.alive:
            raise Stopped(self.stop_reason, self.stop_detail)
        payload = marshal.dumps(message)  # trusted -> sandbox only; never loaded from it
        self._write(len(payload).to_bytes(4, "big") + payload)
        reply = self._read_line()
        output = reply.get("output")
        reply["output"] = self._count_output(output if isinstance(output, str) else "")
        if reply.get("output_limit"):
            self.printed_before_stop = reply["output"]
            self.stop("output_limit")
            raise Stopped("output_limit")
        return reply

    def _count_output(self, text):
        """A reply's output, counted here with the raw writes: the student's side counts too,
        but its code can lift that cap. Past the cap, what fits is kept and the job stops."""
        room = self.output_cap - self.printed - len(self.raw_output)
        if len(text) > room:
            self.printed_before_stop = text[: max(room, 0)]
            self.stop("output_limit")
            raise Stopped("output_limit")
        self.printed += len(text)
        return text

    def _until_ready(self, read=None, write=None):
        """Waits until `read` can be read or `write` written, under the wall clock; meanwhile
        takes the student's stderr (it counts against the output cap) and wakes now and then
        (the cgroup may have OOM-killed one of the job's processes)."""
        while True:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                self.stop("time_limit", "wall")
                raise Stopped("time_limit", "wall")
            watched = ([read] if read is not None else []) + ([self.stderr_fd] if self.stderr_open else [])
            readable, writable, _ = select.select(watched, [write] if write is not None else [], [], min(remaining, 0.05))
            if not readable and not writable:
                self._check_memory()
            if self.stderr_fd in readable:
                self._take_stderr()
            if writable or (read is not None and read in readable):
                return

    def _write(self, data):
        # Never block: a student process that stops reading (while alive) must run into the
        # wall clock, not hang the trusted server.
        view = memoryview(data)
        while view:
            self._until_ready(write=self.stdin_fd)
            try:
                view = view[os.write(self.stdin_fd, view):]
            except BlockingIOError:
                pass
            except OSError:  # the student process is gone
                self._died()

    def _read_line(self):
        while b"\n" not in self.buffer:
            self._until_ready(read=self.stdout_fd)
            chunk = os.read(self.stdout_fd, 1 << 20)
            if not chunk:
                self._died()
            self.buffer += chunk
            if len(self.buffer) > MAX_REPLY:
                self.stop("crashed", "sent back a value that is too large")
                raise Stopped("crashed", self.stop_detail)
        line, self.buffer = self.buffer.split(b"\n", 1)
        try:
            reply = json.loads(line)
        except (ValueError, RecursionError):  # RecursionError: nested deeper than json recurses
            reply = None
        if not isinstance(reply, dict):
            self.stop("crashed", "wrote something the grader could not read")
            raise Stopped("crashed", self.stop_detail)
        return reply

    def _check_memory(self):
        if self.ran_out_of_memory():
            self.stop("memory_limit")
            raise Stopped("memory_limit")

    def _died(self):
        code = self._wait(1.0)
        if self.stop_reason is None:
            if self.ran_out_of_memory():
                self.stop("memory_limit")
            elif self.killed_here:  # it closed its channel but went on running
                self.stop("crashed", "stopped answering the grader")
            elif code in (-signal.SIGXCPU, -signal.SIGKILL):
                self.stop("time_limit", "cpu")
            elif select.select([self.setup_fd], [], [], 0)[0] and (why := os.read(self.setup_fd, 4096)):
                raise SandboxFailure(f"the sandbox could not be set up: {why.decode(errors='replace')}")
            else:
                self.stop("crashed", f"exit status {code}")
        raise Stopped(self.stop_reason, self.stop_detail)

    def _wait(self, timeout):
        """The student process's exit code (-signal when killed), once every process of the
        job is gone (the zygote reports only then)."""
        if self.returncode is None and not self._read_status(timeout):
            self.kill()
            self.killed_here = True
            self._read_status(None)
        return self.returncode

    def _read_status(self, timeout):
        ready, _, _ = select.select([self.status_fd], [], [], timeout)
        if not ready:
            return False
        line = b""
        while not line.endswith(b"\n"):
            chunk = os.read(self.status_fd, 4096)
            if not chunk:
                break
            line += chunk
        text = line.decode(errors="replace").strip()
        if not text or text.startswith("E "):
            raise SandboxFailure(f"the sandbox could not be set up: {text[2:] or 'the zygote died'}")
        self.returncode = os.waitstatus_to_exitcode(int(text))
        return True

    def stop(self, reason, detail=""):
        if self.stop_reason is None:
            self.stop_reason, self.stop_detail = reason, detail
        self.kill()

    def kill(self):
        # The zygote kills the job's pid 1 (the kernel ends the rest) and reports.
        try:
            os.write(self.kill_fd, b"k")
        except OSError:
            pass  # the zygote is already gone
        if self.cgroup_kill:
            try:
                with open(self.cgroup_kill, "w") as f:
                    f.write("1")
            except OSError:
                pass

    def close(self):
        """Stops the job and waits until every process of it is gone (its slot is free)."""
        self.kill()
        try:
            self._wait(5.0)
        except SandboxFailure:
            pass
        for fd in (self.stdin_fd, self.stdout_fd, self.stderr_fd, self.status_fd, self.kill_fd, self.setup_fd):
            try:
                os.close(fd)
            except OSError:
                pass
