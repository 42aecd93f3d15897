// Starts real web and grader processes for end-to-end tests.
import type { Subprocess } from "bun";
import { join } from "node:path";
import { readLines } from "../../src/lib/lines";

const ROOT = join(import.meta.dir, "..", "..");

export interface Proc {
  proc: Subprocess<"ignore", "pipe", "pipe">;
  lines: string[];
  stop(): Promise<void>;
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
}

function spawn(script: string, env: Record<string, string>): Proc {
  const proc = Bun.spawn(["bun", script], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (l: string) => void }[] = [];
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    for await (const line of readLines(stream)) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  };
  void pump(proc.stdout);
  void pump(proc.stderr);
  return {
    proc,
    lines,
    async stop() {
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 8000);
      await proc.exited;
      clearTimeout(timer);
    },
    waitFor(pattern, ms = 15000) {
      const found = lines.find((l) => pattern.test(l));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern} in ${script}:\n${lines.join("\n")}`)), ms);
        waiters.push({ pattern, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
  };
}

export async function startWeb(port: number, env: Record<string, string> = {}): Promise<Proc> {
  const web = spawn("src/server.ts", { PORT: String(port), ...env });
  // Ready when it answers (its log may be quieter than info).
  for (let i = 0; i < 150; i++) {
    if (web.proc.exitCode !== null) break;
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (ok) return web;
    await Bun.sleep(100);
  }
  throw new Error(`web did not start:\n${web.lines.join("\n")}`);
}

export async function startGrader(env: Record<string, string> = {}): Promise<Proc> {
  const grader = spawn("grader/main.ts", env);
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
