// CPU and memory of a process and everything under it, from /proc: a grader's sandbox
// (bwrap, the zygote, each job's process) runs in processes of its own, and nginx in workers.
// CPU counts each live process's own time plus that of its children already waited for
// (cutime, cstime), so the jobs that came and went are in their zygote's figure.
import { readdirSync, readFileSync } from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface Stat {
  pid: number;
  ppid: number;
  cpuMs: number;
}

function stat(pid: number): Stat | undefined {
  try {
    // comm (field 2) may hold spaces and parentheses: split after its last ")".
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // after comm: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    return { pid, ppid: Number(f[1]), cpuMs: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * TICK_MS };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** CPU ms a process has used so far (its children waited for included); NaN once it is gone. */
export const cpuMsOf = (pid: number) => stat(pid)?.cpuMs ?? Number.NaN;

/** `root` and its descendants alive now. */
export function tree(root: number): Stat[] {
  const all: Stat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) all.push(s);
  }
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const top = all.find((s) => s.pid === root);
  if (!top) return [];
  const out: Stat[] = [];
  const walk = (s: Stat) => {
    out.push(s);
    for (const c of children.get(s.pid) ?? []) walk(c);
  };
  walk(top);
  return out;
}

export function rssBytes(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export interface TreeSample {
  cpuMs: number;
  /** the root process's own RSS */
  rss: number;
  /** the whole tree's (shared pages counted in each process) */
  treeRss: number;
}

export function sampleTree(root: number): TreeSample {
  const members = tree(root);
  return {
    cpuMs: members.reduce((t, s) => t + s.cpuMs, 0),
    rss: rssBytes(root),
    treeRss: members.reduce((b, s) => b + rssBytes(s.pid), 0),
  };
}

/** Follows named process trees: CPU used between start() and stop(), and the peak RSS seen by sample(). */
export class TreeMeter {
  private first = new Map<string, TreeSample>();
  private last = new Map<string, TreeSample>();
  private peak = new Map<string, { rss: number; treeRss: number }>();

  constructor(private roots: Record<string, number>) {}

  sample(): void {
    for (const [name, pid] of Object.entries(this.roots)) {
      const s = sampleTree(pid);
      if (!this.first.has(name)) this.first.set(name, s);
      this.last.set(name, s);
      const p = this.peak.get(name) ?? { rss: 0, treeRss: 0 };
      this.peak.set(name, { rss: Math.max(p.rss, s.rss), treeRss: Math.max(p.treeRss, s.treeRss) });
    }
  }

  /** Per tree: CPU ms between the first and the last sample, peak RSS of the root and of the tree. */
  results(): { name: string; cpuMs: number; peakRss: number; peakTreeRss: number }[] {
    return Object.keys(this.roots).map((name) => ({
      name,
      cpuMs: (this.last.get(name)?.cpuMs ?? 0) - (this.first.get(name)?.cpuMs ?? 0),
      peakRss: this.peak.get(name)?.rss ?? 0,
      peakTreeRss: this.peak.get(name)?.treeRss ?? 0,
    }));
  }
}
