"""The sandbox's seccomp filter, handed to bwrap (--seccomp FD) in its binary form.

It takes away user namespaces: the zygote needs unshare() and mount() for the fresh
namespaces of each job, and a student holding no capabilities could otherwise regain some
inside a user namespace of its own (mounts, a "root" uid). And the kernel's keyrings: a
uid's keyring outlives its processes, so one job could leave data there for the next. clone3 cannot be inspected by
seccomp (its flags live in memory), so it fails with ENOSYS and libc falls back to clone.
"""

import struct

LD_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
JEQ = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
JGE = 0x35  # BPF_JMP | BPF_JGE | BPF_K
JSET = 0x45  # BPF_JMP | BPF_JSET | BPF_K
RET = 0x06  # BPF_RET | BPF_K

ALLOW = 0x7FFF0000
KILL = 0x80000000
EPERM, ENOSYS = 1, 38
CLONE_NEWUSER = 0x10000000

NR, ARCH, ARG0 = 0, 4, 16  # offsets in struct seccomp_data (arg 0's low half, little endian)

# arch: (unshare, clone, clone3, lowest number of a foreign ABI such as x32 or None,
#        refused outright: add_key, request_key, keyctl)
ARCHES = {
    0xC000003E: (272, 56, 435, 0x40000000, (248, 249, 250)),  # x86_64
    0xC00000B7: (97, 220, 435, None, (217, 218, 219)),  # aarch64
}


def _program():
    """A list of (code, jt, jf, k) with symbolic jump targets resolved at the end."""
    prog = [("ld", ARCH)]
    for arch in ARCHES:
        prog.append(("jeq", arch, f"arch-{arch}", None))
    prog.append(("ret", KILL))  # an ABI we do not know how to check
    for arch, (unshare, clone, clone3, foreign, refused) in ARCHES.items():
        prog.append(("label", f"arch-{arch}"))
        prog.append(("ld", NR))
        if foreign is not None:
            prog.append(("jge", foreign, "eperm", None))
        prog.append(("jeq", clone3, "enosys", None))
        for nr in refused:
            prog.append(("jeq", nr, "eperm", None))
        prog.append(("jeq", unshare, "flags", None))
        prog.append(("jeq", clone, "flags", None))
        prog.append(("ret", ALLOW))
    prog += [
        ("label", "flags"), ("ld", ARG0), ("jset", CLONE_NEWUSER, "eperm", None), ("ret", ALLOW),
        ("label", "eperm"), ("ret", 0x00050000 | EPERM),
        ("label", "enosys"), ("ret", 0x00050000 | ENOSYS),
    ]
    return prog


def build():
    """The filter as bytes of struct sock_filter {u16 code; u8 jt; u8 jf; u32 k}."""
    prog = _program()
    labels, index = {}, 0
    for op in prog:
        if op[0] == "label":
            labels[op[1]] = index
        else:
            index += 1
    out, index = b"", 0
    for op in prog:
        kind = op[0]
        if kind == "label":
            continue
        if kind == "ld":
            out += struct.pack("<HBBI", LD_ABS, 0, 0, op[1])
        elif kind == "ret":
            out += struct.pack("<HBBI", RET, 0, 0, op[1])
        else:
            code = {"jeq": JEQ, "jge": JGE, "jset": JSET}[kind]
            jt = labels[op[2]] - index - 1
            assert 0 <= jt < 256
            out += struct.pack("<HBBI", code, jt, 0, op[1])
        index += 1
    return out
