"""Installs a seccomp profile the way a container runtime does, then execs a command under it.

    /usr/bin/python3 seccomp-load.py PROFILE.json -- COMMAND [ARG]...
    /usr/bin/python3 seccomp-load.py PROFILE.json --check   (compile only; print what was skipped)

PROFILE is the JSON a kubelet's Localhost profile holds (the OCI runtime spec's linux.seccomp:
defaultAction, defaultErrnoRet, architectures, syscalls[] of names, action, errnoRet, args).
libseccomp (Debian's python3-seccomp, the library runc and crun use) compiles it to BPF and
loads it with no_new_privs set, as runc does just before it execs the container's process.
Names a libseccomp does not know are skipped, as runc skips them; --check lists them.
"""

import json
import os
import sys

import seccomp

ACTIONS = {
    "SCMP_ACT_ALLOW": lambda _: seccomp.ALLOW,
    "SCMP_ACT_ERRNO": seccomp.ERRNO,
    "SCMP_ACT_KILL": lambda _: seccomp.KILL,
    "SCMP_ACT_KILL_THREAD": lambda _: seccomp.KILL,
    "SCMP_ACT_KILL_PROCESS": lambda _: seccomp.KILL_PROCESS,
    "SCMP_ACT_TRAP": lambda _: seccomp.TRAP,
    "SCMP_ACT_LOG": lambda _: seccomp.LOG,
}
OPS = {
    "SCMP_CMP_EQ": seccomp.EQ,
    "SCMP_CMP_NE": seccomp.NE,
    "SCMP_CMP_LT": seccomp.LT,
    "SCMP_CMP_LE": seccomp.LE,
    "SCMP_CMP_GT": seccomp.GT,
    "SCMP_CMP_GE": seccomp.GE,
    "SCMP_CMP_MASKED_EQ": seccomp.MASKED_EQ,
}
EPERM = 1


def action(name, errno):
    if name not in ACTIONS:
        sys.exit(f"seccomp-load: action {name} is not supported")
    return ACTIONS[name](errno)


def compile_profile(profile):
    """The filter, and the names no architecture of it knows."""
    default_errno = profile.get("defaultErrnoRet", EPERM)
    f = seccomp.SyscallFilter(defaction=action(profile["defaultAction"], default_errno))
    for arch in profile.get("architectures", []):
        a = getattr(seccomp.Arch, arch.removeprefix("SCMP_ARCH_"))
        if not f.exist_arch(a):
            f.add_arch(a)
    unknown = []
    for rule in profile["syscalls"]:
        act = action(rule["action"], rule.get("errnoRet", default_errno))
        args = [seccomp.Arg(a["index"], OPS[a["op"]], a["value"], a.get("valueTwo", 0)) for a in rule.get("args", [])]
        if len({a["index"] for a in rule.get("args", [])}) != len(args):
            sys.exit("seccomp-load: one rule compares the same argument twice (runc would OR them; not supported here)")
        for name in rule["names"]:
            try:
                f.add_rule(act, name, *args)
            except (RuntimeError, ValueError):
                unknown.append(name)
    return f, unknown


def main(argv):
    if len(argv) < 3 or argv[2] not in ("--", "--check") or (argv[2] == "--" and len(argv) < 4):
        sys.exit(__doc__)
    with open(argv[1]) as fh:
        profile = json.load(fh)
    f, unknown = compile_profile(profile)
    if argv[2] == "--check":
        # Per architecture, the names it has no such call for (x86_64's legacy open, stat, ...).
        absent = {}
        for arch in profile.get("architectures", []):
            a = getattr(seccomp.Arch, arch.removeprefix("SCMP_ARCH_"))
            names = {n for rule in profile["syscalls"] for n in rule["names"]}
            absent[arch] = sorted(n for n in names if seccomp.resolve_syscall(a, n) < 0)
        print(json.dumps({"unknown": unknown, "absent": absent}))
        return
    f.load()  # sets no_new_privs first (libseccomp's default), as allowPrivilegeEscalation: false does
    os.execvp(argv[3], argv[3:])


main(sys.argv)
