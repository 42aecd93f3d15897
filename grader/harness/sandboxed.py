"""The trusted side's handle on one sandboxed student process: spawn, talk, stop.

A Student is started before its job arrives (a warm, single-use sandbox); the wall
clock starts with begin(). Every limit is applied in the child before exec:
cgroup membership (whole-job memory and process count), rlimits, then the slot's uid.
"""

import json
import marshal
import os
import resource
import select
import signal
import subprocess
import threading
import time

MAX_REPLY = 16 * 1024 * 1024


class Stopped(Exception):
    """The student process is gone; `reason` is an outcome or 'crashed'."""

    def __init__(self, reason, detail=""):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def become(uid):
    """Drops every group and takes the slot's uid and gid, for good."""
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)


def _preexec(limits, uid, cgroup_procs):
    def apply():
        # Runs in the child between fork and exec, as root when the grader is root.
        for path in cgroup_procs:
            with open(path, "w") as f:
                f.write(str(os.getpid()))
        for name, value in limits.items():
            resource.setrlimit(getattr(resource, name), tuple(value))
        if uid is not None:
            become(uid)
    return apply


def kill_uid(uid):
    """SIGKILL every process owned by the slot's uid: the whole job, wherever it went
    (a daemon that left the session or the sandbox's process group included)."""
    pid = os.fork()
    if pid == 0:
        try:
            become(uid)
            os.kill(-1, signal.SIGKILL)  # every process this uid may signal, except itself
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


PR_SET_CHILD_SUBREAPER = 36


def become_subreaper():
    """Orphans of the sandbox (bwrap's inner processes, killed together) are reparented
    to us instead of the host's init, so we can reap them: no zombies hold the slot's
    process count."""
    import ctypes
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1)


def reap_orphans(timeout=2.0):
    """Reaps every child until none is left (they were all killed)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.002)


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
    def __init__(self, sandbox, slot, output_cap):
        self.output_cap = output_cap
        self.deadline = None
        self.stop_reason = None
        self.stop_detail = ""
        self.raw_output = bytearray()
        self.buffer = b""
        self.root = os.geteuid() == 0
        self.uid = slot.get("uid") if self.root else None
        cgroup = slot.get("cgroup") if self.root else None
        self.oom = cgroup and cgroup.get("oom")
        self.cgroup_kill = cgroup and cgroup.get("kill")
        self.oom_before = _read_counter(self.oom)
        self.proc = subprocess.Popen(
            sandbox["argv"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={},  # the sandbox must not see the grader's environment (env -i)
            close_fds=True,
            start_new_session=True,
            preexec_fn=_preexec(sandbox["limits"], self.uid, cgroup["procs"] if cgroup else []),
        )
        self.stderr_thread = None

    def begin(self, wall_seconds):
        """The job starts now: start the wall clock and the output reader."""
        self.deadline = time.monotonic() + wall_seconds
        self.stderr_thread = threading.Thread(target=self._drain_stderr, daemon=True)
        self.stderr_thread.start()

    def _drain_stderr(self):
        # Bytes written straight to fd 1/2 (bypassing print) count against the output cap too.
        while True:
            try:
                chunk = self.proc.stderr.read1(65536)
            except (OSError, ValueError):
                return
            if not chunk:
                return
            room = self.output_cap - len(self.raw_output)
            self.raw_output += chunk[: max(room, 0)]
            if len(chunk) > room:
                self.stop("output_limit")
                return

    @property
    def alive(self):
        return self.stop_reason is None

    def request(self, message):
        if not self.alive:
            raise Stopped(self.stop_reason, self.stop_detail)
        try:
            payload = marshal.dumps(message)  # trusted -> sandbox only; never loaded from it
            self.proc.stdin.write(len(payload).to_bytes(4, "big") + payload)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            self._died()
        reply = self._read_line()
        if reply.get("output_limit"):
            self.stop("output_limit")
            raise Stopped("output_limit")
        return reply

    def _read_line(self):
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buffer:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                self.stop("time_limit", "wall")
                raise Stopped("time_limit", "wall")
            # Wake up now and then: the cgroup may have OOM-killed one of the job's processes.
            ready, _, _ = select.select([fd], [], [], min(remaining, 0.05))
            self._check_memory()
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                self._died()
            self.buffer += chunk
            if len(self.buffer) > MAX_REPLY:
                self.stop("crashed", "sent back a value that is too large")
                raise Stopped("crashed", self.stop_detail)
        self._check_memory()
        line, self.buffer = self.buffer.split(b"\n", 1)
        try:
            reply = json.loads(line)
        except ValueError:
            reply = None
        if not isinstance(reply, dict):
            self.stop("crashed", "wrote something the grader could not read")
            raise Stopped("crashed", self.stop_detail)
        return reply

    def _check_memory(self):
        if self.oom and _read_counter(self.oom) > self.oom_before:
            self.stop("memory_limit")
            raise Stopped("memory_limit")

    def _died(self):
        code = self._wait(1.0)
        if self.stop_reason is None:
            if _read_counter(self.oom) > self.oom_before:
                self.stop("memory_limit")
            # bwrap reports death by a signal as 128 + signal number.
            elif code in (-signal.SIGXCPU, 128 + signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGKILL):
                self.stop("time_limit", "cpu")
            else:
                self.stop("crashed", f"exit status {code}")
        raise Stopped(self.stop_reason, self.stop_detail)

    def _wait(self, timeout):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return self.proc.wait()

    def stop(self, reason, detail=""):
        if self.stop_reason is None:
            self.stop_reason, self.stop_detail = reason, detail
        self.kill()

    def kill(self):
        # Every process of the slot's uid at once (bwrap, its pid namespace, anything that
        # left the session), then the session in case we are not root.
        if self.uid is not None:
            kill_uid(self.uid)
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if self.cgroup_kill:
            try:
                with open(self.cgroup_kill, "w") as f:
                    f.write("1")
            except OSError:
                pass

    def close(self):
        self.kill()
        self._wait(5.0)
        reap_orphans()
        if self.stderr_thread:
            self.stderr_thread.join(1.0)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                pipe.close()
            except OSError:
                pass
