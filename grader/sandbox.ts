// Builds the sandbox for a grader: the command line, every limit, and the job slots,
// passed explicitly to the trusted Python server, which applies them in the child
// before exec (cgroup, rlimits, uid) with an empty environment (the equivalent of env -i).
import { join } from "node:path";
import type { Config, SandboxMode } from "../src/config";
import { createSlotCgroup, detectCgroups, removeSlotCgroup, sweepStaleCgroups, type CgroupMode, type SlotCgroup } from "./cgroup";

export const HARNESS_DIR = join(import.meta.dir, "harness");
const MiB = 1024 * 1024;
/** processes (and threads) of one job together, where cgroups are available */
const JOB_PIDS = 64;

export interface Slot {
  uid: number;
  cgroup?: SlotCgroup;
}

export interface SandboxSpec {
  argv: string[];
  limits: Record<string, [number, number]>;
  /** a warm sandbox starts while the previous job runs: two slots, each its own uid and cgroup */
  slots: Slot[];
  cgroups: CgroupMode;
}

/** Sandboxes per grader: one for the running job, one warm and waiting (more measured no faster on 2 cores). */
const SLOTS = 2;

/** The uids of a grader's slots: unique on the host because pids are. */
export function slotUids(config: Config, pid = process.pid): number[] {
  const first = config.grading.slotUidBase + pid * SLOTS;
  return Array.from({ length: SLOTS }, (_, i) => first + i);
}

function bwrapArgv(command: string[]): string[] {
  return [
    "bwrap",
    "--unshare-all", // no network, own pid/ipc/uts/cgroup namespaces
    "--unshare-user", // required (not just tried), for --disable-userns below
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--ro-bind", "/usr", "/usr",
    "--symlink", "usr/lib", "/lib",
    "--symlink", "usr/lib64", "/lib64",
    "--symlink", "usr/bin", "/bin",
    "--disable-userns", // no further user namespaces inside (no "root" of its own)
    "--proc", "/proc",
    "--dev", "/dev",
    "--size", String(16 * MiB), "--tmpfs", "/dev/shm", // else an unbounded tmpfs
    "--size", String(16 * MiB), "--tmpfs", "/tmp",
    "--ro-bind", HARNESS_DIR, "/harness",
    "--remount-ro", "/", // the root tmpfs too: /tmp and /dev/shm are the only writable places
    "--chdir", "/tmp",
    "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
    ...command,
  ];
}

/** `owner` is the process whose lifetime the slots share (its pid names their cgroups). */
export function createSandbox(config: Config, mode: SandboxMode, uids = slotUids(config), owner = process.pid): SandboxSpec {
  const g = config.grading;
  const memory = g.memoryMiB * MiB;
  const cgroups = detectCgroups();
  sweepStaleCgroups(cgroups);
  const slots = uids.map((uid) => ({
    uid,
    cgroup: createSlotCgroup(cgroups, `slot-${owner}-${uid}`, Math.round(memory * 1.5), JOB_PIDS),
  }));
  return {
    argv: mode === "bwrap"
      ? bwrapArgv([config.python, "-I", "-S", "/harness/student.py"])
      : [config.python, "-I", "-S", join(HARNESS_DIR, "student.py")],
    limits: {
      RLIMIT_CPU: [g.cpuSeconds, g.cpuSeconds + 1], // soft: SIGXCPU, hard: SIGKILL
      RLIMIT_AS: [memory, memory], // per process; the cgroup bounds the whole job
      RLIMIT_NPROC: [JOB_PIDS, JOB_PIDS], // per uid: each slot has its own uid
      RLIMIT_FSIZE: [MiB, MiB],
      RLIMIT_NOFILE: [64, 64],
      RLIMIT_CORE: [0, 0],
    },
    slots,
    cgroups: slots.every((s) => s.cgroup) ? cgroups : "none",
  };
}

export function destroySandbox(spec: SandboxSpec): void {
  for (const slot of spec.slots) removeSlotCgroup(slot.cgroup);
}

/** Whether bwrap can start a sandbox here, as a slot uid (checked once at start). */
export async function bwrapWorks(config: Config, uid: number): Promise<boolean> {
  const argv = bwrapArgv([config.python, "-I", "-S", "-c", "pass"]);
  const asUser = process.getuid?.() === 0
    ? ["setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--"]
    : [];
  try {
    const proc = Bun.spawn([...asUser, ...argv], { env: {}, stdout: "ignore", stderr: "ignore" });
    return (await proc.exited) === 0;
  } catch {
    return false;
  }
}
