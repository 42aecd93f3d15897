// Builds the sandbox for one job: the command line and every limit, passed explicitly.
// The trusted runner (harness/runner.py) applies the limits and the uid in the child
// before exec, with an empty environment (the equivalent of `env -i`).
import { join } from "node:path";
import type { Config, SandboxMode } from "../src/config";

export const HARNESS_DIR = join(import.meta.dir, "harness");
const MiB = 1024 * 1024;

export interface SandboxSpec {
  argv: string[];
  uid: number;
  limits: Record<string, [number, number]>;
}

/** Each grader process is one job slot; its pid makes its uid unique on the host. */
export function slotUid(config: Config, pid = process.pid): number {
  return config.grading.slotUidBase + pid;
}

function bwrapArgv(command: string[]): string[] {
  return [
    "bwrap",
    "--unshare-all", // no network, own pid/ipc/uts/cgroup/user namespaces
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--ro-bind", "/usr", "/usr",
    "--symlink", "usr/lib", "/lib",
    "--symlink", "usr/lib64", "/lib64",
    "--symlink", "usr/bin", "/bin",
    "--proc", "/proc",
    "--dev", "/dev",
    "--size", String(16 * MiB), "--tmpfs", "/tmp",
    "--ro-bind", HARNESS_DIR, "/harness",
    "--chdir", "/tmp",
    "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
    ...command,
  ];
}

export function sandboxSpec(config: Config, mode: SandboxMode, uid: number): SandboxSpec {
  const g = config.grading;
  const memory = g.memoryMiB * MiB;
  return {
    argv: mode === "bwrap"
      ? bwrapArgv([config.python, "-I", "-S", "/harness/student.py"])
      : [config.python, "-I", "-S", join(HARNESS_DIR, "student.py")],
    uid,
    limits: {
      RLIMIT_CPU: [g.cpuSeconds, g.cpuSeconds + 1], // soft: SIGXCPU, hard: SIGKILL
      RLIMIT_AS: [memory, memory],
      RLIMIT_NPROC: [64, 64], // per uid: each slot has its own uid
      RLIMIT_FSIZE: [MiB, MiB],
      RLIMIT_NOFILE: [64, 64],
      RLIMIT_CORE: [0, 0],
    },
  };
}

/** Whether bwrap can start a sandbox here, as the slot uid (checked once at start). */
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
