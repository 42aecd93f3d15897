"""The trusted side's handle on one sandboxed student process: spawn, talk, stop."""

import json
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


class Student:
    def __init__(self, sandbox, wall_seconds, output_cap):
        self.deadline = time.monotonic() + wall_seconds
        self.output_cap = output_cap
        self.stop_reason = None
        self.stop_detail = ""
        self.raw_output = bytearray()
        self.buffer = b""
        limits = sandbox["limits"]
        switch_user = os.geteuid() == 0 and sandbox.get("uid") is not None

        def apply_limits():
            # Runs in the child before exec; every limit the sandbox gets is set here.
            for name, value in limits.items():
                resource.setrlimit(getattr(resource, name), tuple(value))

        self.proc = subprocess.Popen(
            sandbox["argv"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={},  # the sandbox must not see the grader's environment (env -i)
            close_fds=True,
            start_new_session=True,
            preexec_fn=apply_limits,
            user=sandbox["uid"] if switch_user else None,
            group=sandbox["uid"] if switch_user else None,
            extra_groups=[] if switch_user else None,
        )
        self.stderr_thread = threading.Thread(target=self._drain_stderr, daemon=True)
        self.stderr_thread.start()

    def _drain_stderr(self):
        # Bytes written straight to fd 1/2 (bypassing print) count against the output cap too.
        while True:
            chunk = self.proc.stderr.read1(65536)
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
            self.proc.stdin.write(json.dumps(message).encode() + b"\n")
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
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                self._died()
            self.buffer += chunk
            if len(self.buffer) > MAX_REPLY:
                self.stop("crashed", "sent back a value that is too large")
                raise Stopped("crashed", self.stop_detail)
        line, self.buffer = self.buffer.split(b"\n", 1)
        try:
            reply = json.loads(line)
        except ValueError:
            reply = None
        if not isinstance(reply, dict):
            self.stop("crashed", "wrote something the grader could not read")
            raise Stopped("crashed", self.stop_detail)
        return reply

    def _died(self):
        code = self._wait(1.0)
        if self.stop_reason is None:
            # bwrap and the shell report death by a signal as 128 + signal number.
            if code in (-signal.SIGXCPU, 128 + signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGKILL):
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
        # The whole session: bwrap's pid namespace dies with it (--die-with-parent).
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    def close(self):
        self.kill()
        self._wait(5.0)
        self.stderr_thread.join(1.0)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                pipe.close()
            except OSError:
                pass
