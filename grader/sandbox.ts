// Builds the sandbox for a grader: the command line of its zygote (one bwrap sandbox that
// forks a fresh, single-use sandbox per job: harness/zygote.py), every limit, and the job
// slots, passed to the trusted Python server, which starts the zygote with an empty
// environment (the equivalent of env -i).
import { chownSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config, SandboxMode } from "../src/config";
import {
  type CgroupMode,
  createSlotCgroup,
  detectCgroups,
  ownOomCounter,
  removeSlotCgroup,
  type SlotCgroup,
  sweepStaleCgroups,
} from "./cgroup";

export const HARNESS_DIR = join(import.meta.dir, "harness");
const MiB = 1024 * 1024;
/** processes (and threads) of one job together, where cgroups are available */
const JOB_PIDS = 64;

export interface Slot {
  uid: number;
  /** plus, as the zygote sees them: the cgroup.procs files a job joins, and what to cover after */
  cgroup?: SlotCgroup & { join: string[]; hide: string[] };
}

export interface SandboxSpec {
  argv: string[];
  limits: Record<string, [number, number]>;
  /** a sandbox is made while the previous job runs: two slots, each its own uid and cgroup */
  slots: Slot[];
  /** whether each slot's jobs run as the slot's uid (else all as the zygote's) */
  jobUids: boolean;
  cgroups: CgroupMode;
  /** without job cgroups: the OOM counter of the grader's own cgroup (a container's limit) */
  oom?: SlotCgroup["oom"];
}

/** Sandboxes per grader: one for the running job, one warm and waiting (more were no faster: PERFORMANCE.md, Grading). */
const SLOTS = 2;

/** The highest uid bubblewrap can map into a user namespace (2^31 - 2: the kernel refuses above). */
export const MAX_SANDBOX_UID = 2 ** 31 - 2;

/** The uids of a grader's slots: unique on the host because pids are. */
export function slotUids(config: Config, pid = process.pid): number[] {
  const first = config.grading.slotUidBase + pid * SLOTS;
  if (first + SLOTS - 1 > MAX_SANDBOX_UID) {
    throw new Error(
      `GRADER_UID_BASE ${config.grading.slotUidBase} + ${SLOTS} x pid ${pid} gives job uids above ${MAX_SANDBOX_UID}, which bubblewrap cannot map: lower GRADER_UID_BASE`,
    );
  }
  return Array.from({ length: SLOTS }, (_, i) => first + i);
}

// What the zygote needs to give each job fresh namespaces and a uid of its own; the
// student process gives all of them up before reading any code.
const ZYGOTE_CAPS = ["CAP_SYS_ADMIN", "CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP", "CAP_KILL"];
const CAP_SYS_ADMIN = 21n;

/**
 * "root": root with CAP_SYS_ADMIN (a host or VM): the zygote runs as real root without a
 * user namespace, and each job slot gets a real uid of its own (process limits per job).
 * "userns": anything else (a Docker container keeps no CAP_SYS_ADMIN; a developer is not
 * root): a user namespace gives the zygote its capabilities, and jobs share one uid: the
 * first slot's when we are root (never root on the host), else our own.
 */
export type Privilege = "root" | "userns";

export function privilege(): Privilege {
  if (process.getuid?.() !== 0) return "userns";
  try {
    const caps = /CapEff:\s*([0-9a-f]+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? "0";
    return (BigInt(`0x${caps}`) >> CAP_SYS_ADMIN) & 1n ? "root" : "userns";
  } catch {
    return "userns";
  }
}

function bwrapArgv(command: string[], binds: string[] = [], uid?: number): string[] {
  const root = privilege() === "root";
  const asUser =
    !root && uid !== undefined && process.getuid?.() === 0 ? ["setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--"] : [];
  // biome-ignore format: flags and their values read best in pairs
  return [
    ...asUser,
    "bwrap",
    ...(root
      ? ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
      : ["--unshare-all", "--unshare-user"]),
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--ro-bind", "/usr", "/usr",
    "--symlink", "usr/lib", "/lib",
    "--symlink", "usr/lib64", "/lib64",
    "--symlink", "usr/bin", "/bin",
    "--proc", "/proc",
    "--dev", "/dev",
    "--size", String(MiB), "--tmpfs", "/dev/shm", // each job mounts its own over these
    "--size", String(MiB), "--tmpfs", "/tmp",
    // /dev's tmpfs is owned by the sandbox's uid in a user namespace: read-only, or one job
    // could leave files (or change /dev/stdout and friends) for the next.
    "--remount-ro", "/dev",
    "--ro-bind", HARNESS_DIR, "/harness",
    ...binds,
    "--remount-ro", "/", // the root tmpfs too: a job's /tmp and /dev/shm are its only writable places
    "--chdir", "/tmp",
    "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
    ...ZYGOTE_CAPS.flatMap((cap) => ["--cap-add", cap]),
    ...command,
  ];
}

/** `owner` is the process whose lifetime the slots share (its pid names their cgroups). */
export function createSandbox(config: Config, mode: SandboxMode, uids = slotUids(config), owner = process.pid): SandboxSpec {
  const g = config.grading;
  const memory = g.memoryMiB * MiB;
  const cgroups = detectCgroups();
  sweepStaleCgroups(cgroups);
  const bwrap = mode === "bwrap";
  const jobUids = bwrap ? privilege() === "root" : process.getuid?.() === 0;
  // Without per-job uids under bwrap, the zygote runs as the first slot's uid (see privilege()).
  const zygoteUid = jobUids ? undefined : uids[0];
  const binds: string[] = [];
  const slots: Slot[] = uids.map((uid) => {
    const made = createSlotCgroup(cgroups, `slot-${owner}-${uid}`, Math.round(memory * 1.5), JOB_PIDS);
    if (!made) return { uid };
    if (zygoteUid !== undefined && process.getuid?.() === 0) {
      for (const procs of made.procs) chownSync(procs, zygoteUid, zygoteUid); // it joins them itself
    }
    if (!bwrap) return { uid, cgroup: { ...made, join: made.procs, hide: [] } };
    // Inside bwrap, each of the slot's cgroup directories is bound under /cgroups.
    const inside = made.dirs.map((_, j) => `/cgroups/${uid}-${j}`);
    made.dirs.forEach((dir, j) => {
      binds.push("--bind", dir, inside[j]!);
    });
    return { uid, cgroup: { ...made, join: inside.map((d) => `${d}/cgroup.procs`), hide: ["/cgroups"] } };
  });
  return {
    argv: bwrap
      ? bwrapArgv([config.python, "-I", "-S", "/harness/zygote.py", "{control}", "1"], ["--seccomp", "{seccomp}", ...binds], zygoteUid)
      : [config.python, "-I", "-S", join(HARNESS_DIR, "zygote.py"), "{control}", "0"],
    limits: {
      RLIMIT_CPU: [g.cpuSeconds, g.cpuSeconds], // SIGKILL (pid 1 of a job ignores SIGXCPU)
      RLIMIT_AS: [memory, memory], // per process; the cgroup bounds the whole job
      RLIMIT_NPROC: [JOB_PIDS, JOB_PIDS], // per uid: each slot has its own uid
      RLIMIT_FSIZE: [MiB, MiB],
      RLIMIT_NOFILE: [64, 64],
      RLIMIT_CORE: [0, 0],
    },
    slots,
    jobUids,
    cgroups: slots.every((s) => s.cgroup) ? cgroups : "none",
    oom: slots.every((s) => s.cgroup) ? undefined : ownOomCounter(),
  };
}

export function destroySandbox(spec: SandboxSpec): void {
  for (const slot of spec.slots) removeSlotCgroup(slot.cgroup);
}

/** Whether bwrap can start the zygote's sandbox here (checked once at start). */
export async function bwrapWorks(config: Config, uid = slotUids(config)[0]): Promise<boolean> {
  try {
    const argv = bwrapArgv([config.python, "-I", "-S", "-c", "pass"], [], privilege() === "root" ? undefined : uid);
    const proc = Bun.spawn(argv, { env: {}, stdout: "ignore", stderr: "ignore" });
    return (await proc.exited) === 0;
  } catch {
    return false;
  }
}

/**
 * The sandbox this process grades with: bwrap when it can start here; rlimit when asked for,
 * or under GRADER_SANDBOX=auto when bubblewrap cannot start (development only). Throws, with
 * the sentence to print, when bwrap was required and cannot start.
 */
export async function sandboxModeHere(config: Config): Promise<SandboxMode> {
  if (config.sandbox === "rlimit") return "rlimit";
  if (await bwrapWorks(config)) return "bwrap";
  if (config.sandbox === "bwrap") {
    throw new Error(
      "GRADER_SANDBOX=bwrap but bubblewrap cannot start a sandbox here (install the bubblewrap package, or allow unprivileged user namespaces).",
    );
  }
  return "rlimit";
}

export const RLIMIT_WARNING =
  "sandbox: rlimit only (no bubblewrap): student code is NOT isolated from this machine. Use only for development.";
