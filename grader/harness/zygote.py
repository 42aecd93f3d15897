"""Runs inside the grader's bubblewrap sandbox and makes one fresh sandbox per job.

Starting bwrap and a Python interpreter for every job costs most of a job's CPU. This
process starts once (student.py already imported) and never sees any job's data: for each
job it forks the student process into new pid, mount and IPC namespaces, where it is
pid 1, mounts a new /tmp, /dev/shm and /proc, joins the slot's cgroups, takes its limits
and the slot's uid, gives up every capability, and only then reads the student's code. Nothing one job did (files, processes, shared memory, sockets) exists for
the next; the student's memory is a copy of this process, which saw no job.

When the student process (pid 1 of its namespace) exits, the kernel kills every other
process of the job and only then lets it be reaped; the zygote then reports its wait
status on the job's status pipe ("E <message>" if the set-up failed). A byte (or EOF) on
the job's kill pipe kills it. If the zygote dies, its jobs die with it (PDEATHSIG).

argv: control fd (SOCK_SEQPACKET), "1" for fresh namespaces per job (bwrap) or "0" (rlimit
mode). A request is one message: marshal {"uid", "limits", "cgroups": [cgroup.procs paths],
"hide": [paths]} with fds [stdin, stdout, stderr, status, kill, setup] for the job; the
student process writes why on `setup` if its sandbox could not be set up, and closes it
before the student's code runs (so that code cannot fake a set-up failure).
"""

# Only C modules beyond what student.py needs: every page this process holds is copied or
# faulted in again by each job (the Python wrappers of signal and socket pull in enum).
import _signal as signal
import _socket
import ctypes
import gc
import marshal
import os
import resource
import select
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import student  # noqa: E402  (loaded once, before any fork)

libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWPID = 0x00020000, 0x08000000, 0x20000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 2, 4, 8, 0x4000, 1 << 18
MS_RDONLY = 1
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_SET_CHILD_SUBREAPER = 1, 38, 36
# securebits: noroot (uid 0 gains nothing on exec) and keep-caps off, both locked
PR_SET_SECUREBITS, SECBITS_LOCKED_NOROOT = 28, 0x01 | 0x02 | 0x20
TMPFS = b"size=16m,mode=1777"


def become(uid):
    """Drops every group and takes the slot's uid and gid, for good."""
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)


def kill_uid(uid):
    """SIGKILL every process of the slot's uid (rlimit mode: no pid namespace to end)."""
    pid = os.fork()
    if pid == 0:
        try:
            become(uid)
            os.kill(-1, signal.SIGKILL)  # every process this uid may signal, except itself
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def _check(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source, target, fstype, flags, data=None):
    _check(libc.mount(source, target, fstype, flags, data), f"mount {target.decode()}")


def fresh_namespaces():
    """Everything the job can see or change is new (it is pid 1 of a new pid namespace).
    The network namespace is the zygote's (empty but for loopback, which only root could
    reconfigure): one job's processes are all gone before the next job's code runs, and a
    socket or an abstract name lives no longer than its processes. IPC objects outlive
    theirs, so the IPC namespace is new."""
    _check(libc.unshare(CLONE_NEWNS | CLONE_NEWIPC), "unshare")
    _mount(b"none", b"/", None, MS_REC | MS_PRIVATE)  # nothing propagates back to the zygote
    _mount(b"tmpfs", b"/tmp", b"tmpfs", MS_NOSUID | MS_NODEV, TMPFS)
    _mount(b"tmpfs", b"/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV, TMPFS)
    _mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)  # this job's processes only


def drop_privileges(uid):
    """No capability can come back: securebits locked, no_new_privs (no exec gains any:
    setuid bits and file capabilities are ignored), then the slot's uid (or, without
    root, an empty capability set)."""
    libc.prctl(PR_SET_SECUREBITS, SECBITS_LOCKED_NOROOT, 0, 0, 0)
    _check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    if uid is not None:
        become(uid)
    else:  # capset(v3 header, zeroed data): nothing effective, permitted or inheritable
        header = (ctypes.c_uint32 * 2)(0x20080522, 0)
        data = (ctypes.c_uint32 * 6)()
        _check(libc.capset(header, data), "capset")


def run_student(request, fds, isolate):
    """The student process: fresh namespaces, limits, uid, then the student's code."""
    setup = fds[5]
    try:
        # The OOM killer's first choice (its children inherit it): when a job fills the memory
        # the grader shares with it (a container's limit), the job dies, not the grader.
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        if isolate:
            fresh_namespaces()
        for path in request.get("cgroups", []):
            fd = os.open(path, os.O_WRONLY)
            os.write(fd, b"0")  # this process, and so every process of the job
            os.close(fd)
        for path in request.get("hide", []):  # the cgroup files: covered, as a user namespace may not unmount them
            _mount(b"tmpfs", path.encode(), b"tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, b"size=4k,mode=0555")
        for target, fd in enumerate(fds[:3]):
            os.dup2(fd, target)
        setup = os.dup2(fds[5], 3)
        os.closerange(4, 1 << 16)
        os.setsid()  # no terminal to reach; in rlimit mode the session is the job
        for name, value in request["limits"].items():
            resource.setrlimit(getattr(resource, name), tuple(value))
        drop_privileges(request.get("uid"))
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # a change of uid clears it
        os.chdir("/tmp")
        student.warm_up()  # as the student, before any code of theirs exists in this process
    except BaseException as exc:
        os.write(setup, f"{type(exc).__name__}: {exc}".encode())
        os._exit(1)
    os.close(3)
    try:
        gc.enable()
        student.serve()
    except BaseException:
        pass
    os._exit(0)


class Jobs:
    """The running jobs of this process: it reports each one's end and kills on request."""

    def __init__(self, isolate):
        self.isolate = isolate
        self.by_pid = {}  # pid -> (uid, status fd, kill fd)
        self.killed = set()
        self.wake_r, wake_w = os.pipe()
        os.set_blocking(wake_w, False)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda *_: None)

    def start(self, request, fds):
        """Forks the student process (the caller has arranged its new pid namespace)."""
        pid = os.fork()
        if pid == 0:
            run_student(request, fds, self.isolate)
        self.by_pid[pid] = (request.get("uid"), os.dup(fds[3]), os.dup(fds[4]))

    def watched(self):
        # A killed job's kill pipe stays readable (EOF or the byte): not watched again.
        return [self.wake_r] + [kill for pid, (_, _, kill) in self.by_pid.items() if pid not in self.killed]

    def handle(self, ready):
        if self.wake_r in ready:
            os.read(self.wake_r, 4096)
        for pid, (uid, _, kill) in list(self.by_pid.items()):
            if kill in ready and pid not in self.killed:
                self.killed.add(pid)
                self._kill(pid, uid)
        while True:  # every student process that ended: its job is over
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            job = self.by_pid.pop(pid, None)
            if job:
                self._finish(pid, job, status)

    def _kill(self, pid, uid):
        if self.isolate:
            os.kill(pid, signal.SIGKILL)  # pid 1 of the job: the kernel ends the rest
        else:
            if uid is not None:
                kill_uid(uid)
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def _finish(self, pid, job, status):
        uid, status_fd, kill = job
        self.killed.discard(pid)
        if not self.isolate:  # no namespace ended the rest of the job: end it now
            self._kill(pid, uid)
        try:
            os.write(status_fd, f"{status}\n".encode())
        except OSError:
            pass  # the trusted side stopped listening
        os.close(status_fd)
        os.close(kill)


class PidNamespaces:
    """Gives the next forked child a new pid namespace, where it is pid 1."""

    def __init__(self):
        self.own = os.open("/proc/self/ns/pid", os.O_RDONLY)
        # As real root the zygote can go back to its own namespace and unshare again for
        # each child. In a user namespace it cannot: a watcher process unshares instead.
        self.resettable = libc.setns(self.own, CLONE_NEWPID) == 0

    def next(self):
        _check(libc.setns(self.own, CLONE_NEWPID), "setns")
        _check(libc.unshare(CLONE_NEWPID), "unshare pid")


def watch_one(request, fds):
    """User-namespace mode: this forked process takes a new pid namespace for one job and
    watches it as the zygote would. Never returns."""
    code, status = 0, fds[3]
    try:
        for fd in map(int, os.listdir("/proc/self/fd")):  # other jobs' pipes are not ours
            if fd > 2 and fd not in fds:
                try:
                    os.close(fd)
                except OSError:
                    pass
        status = os.dup(fds[3])  # to report a failure after the job's own copies are closed
        _check(libc.unshare(CLONE_NEWPID), "unshare pid")
        jobs = Jobs(isolate=True)
        jobs.start(request, fds)
        for fd in fds:
            os.close(fd)
        while jobs.by_pid:
            ready, _, _ = select.select(jobs.watched(), [], [])
            jobs.handle(ready)
    except BaseException as exc:
        code = 1
        _report_failure(status, exc)
    os._exit(code)


def _report_failure(status, exc):
    try:
        os.write(status, f"E {type(exc).__name__}: {exc}\n".encode())
    except OSError:
        pass


def receive(control):
    """One request and the file descriptors that came with it (SCM_RIGHTS)."""
    message, ancillary, _, _ = control.recvmsg(1 << 16, _socket.CMSG_SPACE(6 * 4))
    fds = []
    for level, kind, data in ancillary:
        if level == _socket.SOL_SOCKET and kind == _socket.SCM_RIGHTS:
            fds += [int.from_bytes(data[i:i + 4], sys.byteorder, signed=True) for i in range(0, len(data) - 3, 4)]
    return message, fds


def main():
    control = _socket.socket(fileno=int(sys.argv[1]))
    isolate = sys.argv[2] == "1"
    pids = PidNamespaces() if isolate else None
    if not isolate:  # no pid namespace reaps a job's orphans: they come to us (Jobs.handle reaps them)
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    jobs = Jobs(isolate)
    gc.freeze()  # what the children inherit stays shared: the collector never touches it
    gc.disable()  # (and this loop makes no garbage worth collecting)
    while True:
        try:
            ready, _, _ = select.select([control] + jobs.watched(), [], [])
        except InterruptedError:
            continue
        if control in ready:
            message, fds = receive(control)
            if not message:
                return  # the trusted server is gone (our jobs die with us)
            try:
                request = marshal.loads(message)  # from the trusted server, never from a job
                if len(fds) != 6:
                    raise ValueError("a job needs 6 file descriptors")
                if pids and not pids.resettable:
                    if os.fork() == 0:
                        control.close()
                        watch_one(request, fds)
                else:
                    if pids:
                        pids.next()
                    jobs.start(request, fds)
            except Exception as exc:
                if len(fds) == 6:  # else fds[3] may not be a status pipe
                    _report_failure(fds[3], exc)
            finally:
                for fd in fds:
                    os.close(fd)
        jobs.handle(ready)


if __name__ == "__main__":
    main()
