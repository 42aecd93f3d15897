// Whole-job limits with cgroups, where the host allows it (root and a writable
// hierarchy): memory and process count for all processes of a job together, which
// per-process rlimits cannot give. Detects cgroup v2 or v1 instead of assuming.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = "/sys/fs/cgroup";

export interface SlotCgroup {
  /** files the sandbox's first process writes its pid into */
  procs: string[];
  /** where the kernel counts OOM kills, to tell memory_limit from other kills */
  oom: { file: string; key: string };
  /** v2 only: writing 1 kills every process in the cgroup */
  kill?: string;
  dirs: string[];
}

export type CgroupMode = "v2" | "v1" | "none";

export function detectCgroups(): CgroupMode {
  if (process.getuid?.() !== 0) return "none";
  const controllers = join(ROOT, "cgroup.controllers");
  if (existsSync(controllers)) {
    const have = readFileSync(controllers, "utf8").split(/\s+/);
    if (have.includes("memory") && have.includes("pids")) return "v2";
  }
  if (existsSync(join(ROOT, "memory", "cgroup.procs")) && existsSync(join(ROOT, "pids", "cgroup.procs"))) return "v1";
  return "none";
}

const write = (file: string, value: string) => writeFileSync(file, value);

/**
 * The OOM-kill counter of the cgroup this process runs in: where no job cgroup can be made
 * (an unprivileged container), the container's own memory limit is what a job runs into, and
 * an OOM kill counted there while a job runs is that job's (its processes are the OOM
 * killer's first choice: zygote.py raises their oom_score_adj).
 */
export function ownOomCounter(): SlotCgroup["oom"] | undefined {
  let lines: string[];
  try {
    lines = readFileSync("/proc/self/cgroup", "utf8").split("\n");
  } catch {
    return undefined;
  }
  const candidates: string[] = [];
  for (const line of lines) {
    const [, controllers, path] = line.split(":");
    if (path === undefined) continue;
    // The path as the host names it, then the mount's own root (a container sees only its cgroup).
    if (controllers === "") candidates.push(join(ROOT, path, "memory.events"), join(ROOT, "memory.events"));
    if (controllers!.split(",").includes("memory")) {
      candidates.push(join(ROOT, "memory", path, "memory.oom_control"), join(ROOT, "memory", "memory.oom_control"));
    }
  }
  for (const file of candidates) {
    try {
      if (/^oom_kill \d+$/m.test(readFileSync(file, "utf8"))) return { file, key: "oom_kill" };
    } catch {
      // not there: the next candidate
    }
  }
  return undefined;
}

/** Creates the cgroup of one job slot; undefined when the host does not allow it. */
export function createSlotCgroup(mode: CgroupMode, name: string, memoryBytes: number, pids: number): SlotCgroup | undefined {
  try {
    if (mode === "v1") {
      const mem = join(ROOT, "memory", "pypractice", name);
      const pid = join(ROOT, "pids", "pypractice", name);
      mkdirSync(mem, { recursive: true });
      mkdirSync(pid, { recursive: true });
      write(join(mem, "memory.limit_in_bytes"), String(memoryBytes));
      try {
        write(join(mem, "memory.memsw.limit_in_bytes"), String(memoryBytes)); // no swapping past it
      } catch {
        // swap accounting is off on this host: memory.limit_in_bytes still applies
      }
      write(join(pid, "pids.max"), String(pids));
      return {
        procs: [join(mem, "cgroup.procs"), join(pid, "cgroup.procs")],
        oom: { file: join(mem, "memory.oom_control"), key: "oom_kill" },
        dirs: [mem, pid],
      };
    }
    if (mode === "v2") {
      // The no-internal-processes rule: controllers are enabled for a parent that holds no process.
      const base = join(ROOT, "pypractice");
      mkdirSync(base, { recursive: true });
      write(join(ROOT, "cgroup.subtree_control"), "+memory +pids");
      write(join(base, "cgroup.subtree_control"), "+memory +pids");
      const dir = join(base, name);
      mkdirSync(dir, { recursive: true });
      write(join(dir, "memory.max"), String(memoryBytes));
      try {
        write(join(dir, "memory.swap.max"), "0");
      } catch {
        // no swap controller: memory.max still applies
      }
      write(join(dir, "pids.max"), String(pids));
      return {
        procs: [join(dir, "cgroup.procs")],
        oom: { file: join(dir, "memory.events"), key: "oom_kill" },
        kill: join(dir, "cgroup.kill"),
        dirs: [dir],
      };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function removeSlotCgroup(c: SlotCgroup | undefined): void {
  for (const dir of c?.dirs ?? []) {
    try {
      rmdirSync(dir);
    } catch {
      // still has a process, or already gone: harmless
    }
  }
}

function parents(mode: CgroupMode): string[] {
  if (mode === "v1") return [join(ROOT, "memory", "pypractice"), join(ROOT, "pids", "pypractice")];
  if (mode === "v2") return [join(ROOT, "pypractice")];
  return [];
}

/** Removes slot cgroups left by processes that no longer run (e.g. a grader killed by SIGKILL). */
export function sweepStaleCgroups(mode: CgroupMode): void {
  for (const parent of parents(mode)) {
    let names: string[] = [];
    try {
      names = readdirSync(parent);
    } catch {
      continue;
    }
    for (const name of names) {
      const owner = /^slot-(\d+)-\d+$/.exec(name)?.[1];
      if (!owner || existsSync(`/proc/${owner}`)) continue;
      try {
        rmdirSync(join(parent, name));
      } catch {
        // a process of it still runs: left for a later sweep
      }
    }
  }
}
