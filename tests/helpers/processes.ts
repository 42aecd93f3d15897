// Child processes for tests: any command whose output lines a test can wait for, and the
// app's own web and grader processes started with it.

import { join } from "node:path";
import type { Subprocess } from "bun";
import { readLines } from "../../src/lib/lines";

const ROOT = join(import.meta.dir, "..", "..");

export interface Child {
  proc: Subprocess<"ignore", "pipe", "pipe">;
  /** every line of stdout and stderr so far, in the order they were read */
  lines: string[];
  /** the first line matching `pattern`, printed already or to come; fails after `ms`, or
   *  once the output has ended without one */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** SIGTERM, then SIGKILL if it has not exited after `killAfterMs` */
  stop(): Promise<void>;
}

/** A web or grader process of the app. */
export type Proc = Child;

export interface ChildOptions {
  /** default: the repository */
  cwd?: string;
  /** the whole environment (default: this process's) */
  env?: Record<string, string | undefined>;
  killAfterMs?: number;
}

export function spawnChild(argv: string[], opts: ChildOptions = {}): Child {
  const proc = Bun.spawn(argv, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? process.env,
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const lines: string[] = [];
  // Each waiter is told every new line, and `undefined` once no more will come.
  const waiters = new Set<(line: string | undefined) => void>();
  let ended = false;
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    try {
      for await (const line of readLines(stream)) {
        lines.push(line);
        for (const w of [...waiters]) w(line);
      }
    } catch {
      // the pipe broke: the output has ended
    }
  };
  // The output read to its end, or the process gone for a second (a child of its own may
  // still hold the pipes open).
  void Promise.race([Promise.all([pump(proc.stdout), pump(proc.stderr)]), proc.exited.then(() => Bun.sleep(1000))])
    .then(() => Promise.race([proc.exited, Bun.sleep(1000)]))
    .then(() => {
      ended = true;
      for (const w of [...waiters]) w(undefined);
    });
  const name = argv.join(" ");
  return {
    proc,
    lines,
    waitFor(pattern, ms = 15_000) {
      const found = lines.find((l) => pattern.test(l));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise<string>((resolve, reject) => {
        const fail = (why: string) => reject(new Error(`${why} waiting for ${pattern} from ${name}:\n${lines.join("\n")}`));
        const timer = setTimeout(() => {
          waiters.delete(hear);
          fail(`timed out after ${ms} ms`);
        }, ms);
        function hear(line: string | undefined) {
          if (line !== undefined && !pattern.test(line)) return;
          waiters.delete(hear);
          clearTimeout(timer);
          if (line !== undefined) resolve(line);
          else fail(`its output ended (exit ${proc.exitCode ?? proc.signalCode}) while`);
        }
        waiters.add(hear);
        if (ended) hear(undefined);
      });
    },
    async stop() {
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), opts.killAfterMs ?? 8000);
      await proc.exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Where and how an app process runs: another checkout (`cwd`, e.g. the code before a change),
 * Bun's flags (`bunArgs`, e.g. --cpu-prof), or a command before bun (`wrap`: the seccomp loader
 * of tests/k8s/seccomp.test.ts).
 */
export interface AppOptions {
  cwd?: string;
  bunArgs?: string[];
  wrap?: string[];
}

const app = (script: string, env: Record<string, string>, o: AppOptions = {}) =>
  spawnChild([...(o.wrap ?? []), "bun", ...(o.bunArgs ?? []), script], { cwd: o.cwd, env: { ...process.env, LOG_LEVEL: "info", ...env } });

export async function startWeb(port: number, env: Record<string, string> = {}, o: AppOptions = {}): Promise<Proc> {
  const web = app("src/server.ts", { PORT: String(port), ...env }, o);
  // Ready when it answers (its log may be quieter than info).
  for (let i = 0; i < 150; i++) {
    if (web.proc.exitCode !== null) break;
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return web;
    await Bun.sleep(100);
  }
  throw new Error(`web did not start:\n${web.lines.join("\n")}`);
}

export async function startGrader(env: Record<string, string> = {}, o: AppOptions = {}): Promise<Proc> {
  const grader = app("grader/main.ts", env, o);
  await grader.waitFor(/grader started/);
  return grader;
}

/** A free TCP port on loopback. */
export function freePort(): number {
  const server = Bun.serve({ port: 0, fetch: () => new Response() });
  const port = server.port!;
  server.stop(true);
  return port;
}
