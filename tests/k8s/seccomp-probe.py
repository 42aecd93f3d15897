"""Makes system calls the grader's seccomp profile refuses, and one it allows; prints each
call's errno (0 when it succeeded) as one JSON object. tests/k8s/seccomp.test.ts runs it with
and without the profile: under it every refused call says ENOSYS (38). With the argument x32
it calls getpid through x86_64's x32 entry point instead, which the profile does not list."""

import ctypes
import json
import sys

import seccomp

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def call(name, *args):
    ctypes.set_errno(0)
    nr = name if isinstance(name, int) else seccomp.resolve_syscall(seccomp.Arch.NATIVE, name)
    args = args or (0,) * 5  # null pointers and zero flags: the kernel refuses them cheaply
    return ctypes.get_errno() if libc.syscall(ctypes.c_long(nr), *(ctypes.c_long(a) for a in args)) == -1 else 0


if sys.argv[1:] == ["x32"]:
    sys.exit(call(0x40000000 | 39))  # __X32_SYSCALL_BIT | getpid

AF_PACKET, SOCK_RAW, ADDR_NO_RANDOMIZE = 17, 3, 0x0040000
out = {n: call(n) for n in ("bpf", "keyctl", "userfaultfd", "perf_event_open", "io_uring_setup", "kexec_load", "init_module", "clone3")}
out["socket(AF_PACKET)"] = call("socket", AF_PACKET, SOCK_RAW, 0)
out["personality(ADDR_NO_RANDOMIZE)"] = call("personality", ADDR_NO_RANDOMIZE)
out["getppid"] = call("getppid")
with open("/proc/self/status") as f:
    out.update(line.strip().split(":\t") for line in f if line.startswith(("Seccomp:", "NoNewPrivs:")))
print(json.dumps(out))
