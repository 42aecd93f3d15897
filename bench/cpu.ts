// CPU time of this process and everything it starts, from a cgroup of its own (v1 cpuacct or
// v2 cpu.stat): what a job costs in CPU, which other load on a shared machine hardly changes
// (unlike wall-clock rates). Undefined where cgroups are not writable (not root).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface CpuMeter {
  /** milliseconds of CPU used so far */
  read(): number;
  close(): void;
}

export function cpuMeter(): CpuMeter | undefined {
  const v1 = "/sys/fs/cgroup/cpuacct";
  const v2 = "/sys/fs/cgroup";
  const isV2 = existsSync(join(v2, "cgroup.controllers"));
  const parent = isV2 ? v2 : v1;
  const dir = join(parent, `pypractice-bench-${process.pid}`);
  sweep(parent);
  try {
    mkdirSync(dir);
    writeFileSync(join(dir, "cgroup.procs"), String(process.pid));
  } catch {
    return undefined;
  }
  const read = isV2
    ? () => Number(/usage_usec (\d+)/.exec(readFileSync(join(dir, "cpu.stat"), "utf8"))![1]) / 1000
    : () => Number(readFileSync(join(dir, "cpuacct.usage"), "utf8")) / 1e6;
  return {
    read,
    close() {
      try {
        writeFileSync(join(parent, "cgroup.procs"), String(process.pid));
        rmdirSync(dir);
      } catch {
        // a child of ours is still in it; the cgroup is empty and harmless once it exits
      }
    },
  };
}

/** Removes the cgroups of earlier runs whose process is gone (their children kept them busy at close). */
function sweep(parent: string): void {
  try {
    for (const name of readdirSync(parent)) {
      const owner = /^pypractice-bench-(\d+)$/.exec(name)?.[1];
      if (!owner || existsSync(`/proc/${owner}`)) continue;
      try {
        rmdirSync(join(parent, name));
      } catch {
        // still has a process: a later run removes it
      }
    }
  } catch {
    // no such hierarchy
  }
}
