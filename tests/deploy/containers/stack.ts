// A Compose project run by the container tests: the operator's files as they are, plus an
// override file of the test's own that changes only what this machine needs (builds use the
// host's network; in development, published ports that would collide with the host's own
// Postgres and Redis). Every call is an argument array; output is kept for error messages.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface Run {
  code: number;
  out: string;
}

export function sh(argv: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Run {
  const r = Bun.spawnSync(argv, { cwd: opts.cwd, stdout: "pipe", stderr: "pipe", timeout: opts.timeoutMs ?? 600_000 });
  return { code: r.exitCode ?? -1, out: r.stdout.toString() + r.stderr.toString() };
}

export function must(argv: string[], opts: { cwd?: string; timeoutMs?: number } = {}): string {
  const r = sh(argv, opts);
  if (r.code !== 0) throw new Error(`${argv.join(" ")} exited ${r.code}:\n${r.out.slice(-6000)}`);
  return r.out;
}

export class Stack {
  constructor(
    readonly project: string,
    private files: string[],
    private envFile: string,
    private projectDir: string,
  ) {}

  /** `docker compose …` for this project; throws with the output when it fails. */
  compose(...args: string[]): string {
    return must(this.argv(args));
  }

  /** The same, asynchronously (for calls made while the test watches something else). */
  async composeAsync(...args: string[]): Promise<Run> {
    const p = Bun.spawn(this.argv(args), { stdout: "pipe", stderr: "pipe" });
    const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
    return { code, out: out + err };
  }

  private argv(args: string[]): string[] {
    return [
      "docker",
      "compose",
      "-p",
      this.project,
      "--project-directory",
      this.projectDir,
      "--env-file",
      this.envFile,
      ...this.files.flatMap((f) => ["-f", f]),
      ...args,
    ];
  }

  /** Container ids of a service, in replica order. */
  containers(service: string): string[] {
    const ids = this.compose("ps", "-a", "-q", service).split("\n").filter(Boolean);
    const byNumber = ids.map((id) => ({ id, n: Number(inspect(id, '{{index .Config.Labels "com.docker.compose.container-number"}}')) }));
    return byNumber.sort((a, b) => a.n - b.n).map((c) => c.id);
  }

  /** psql in the postgres service, one value per line. */
  sql(query: string): string[] {
    return this.compose("exec", "-T", "postgres", "psql", "-U", "postgres", "-d", "pypractice", "-tA", "-c", query)
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
  }
}

export const inspect = (id: string, format: string) => must(["docker", "inspect", "-f", format, id]).trim();

export async function waitHealthy(ids: string[], ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (const id of ids) {
    while (inspect(id, "{{.State.Health.Status}}") !== "healthy") {
      if (Date.now() > deadline)
        throw new Error(`${id} not healthy after ${ms / 1000} s:\n${sh(["docker", "logs", "--tail", "40", id]).out}`);
      await Bun.sleep(250);
    }
  }
}

export interface HostProcess {
  pid: number;
  name: string;
  uid: number;
}

/** Every process of a container, read from the host's /proc (the image needs no ps). */
export function processesOf(containerId: string): HostProcess[] {
  const found: HostProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cgroup`, "utf8").includes(containerId)) continue;
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const name = /^Name:\s*(.+)$/m.exec(status)![1]!;
      const uid = Number(/^Uid:\s*(\d+)/m.exec(status)![1]);
      found.push({ pid: Number(entry), name, uid });
    } catch {
      // exited while we looked
    }
  }
  return found;
}

/** The grader process of a grader container (tini's child, as the host numbers it). */
export function graderPid(containerId: string): number {
  const init = inspect(containerId, "{{.State.Pid}}");
  const children = readFileSync(`/proc/${init}/task/${init}/children`, "utf8").trim().split(/\s+/).map(Number);
  const bun = children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("grader/main.ts"));
  if (!bun) throw new Error(`no grader process under tini in ${containerId}`);
  return bun;
}

/** How many processes the kernel's OOM killer ended in a container's memory cgroup, read on the host. */
export function oomKills(containerId: string): number {
  const id = inspect(containerId, "{{.Id}}");
  const files = [
    `/sys/fs/cgroup/memory/docker/${id}/memory.oom_control`, // v1, cgroupfs driver
    `/sys/fs/cgroup/memory/system.slice/docker-${id}.scope/memory.oom_control`, // v1, systemd driver
    `/sys/fs/cgroup/docker/${id}/memory.events`, // v2, cgroupfs driver
    `/sys/fs/cgroup/system.slice/docker-${id}.scope/memory.events`, // v2, systemd driver
  ];
  for (const file of files) {
    try {
      return Number(/^oom_kill (\d+)$/m.exec(readFileSync(file, "utf8"))![1]);
    } catch {
      // not this layout
    }
  }
  throw new Error(`no memory cgroup found for container ${id}`);
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}
