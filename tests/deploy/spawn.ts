// A child process whose output lines the test can wait for (like tests/helpers/processes.ts,
// for commands other than the app's own entry points).
import type { Subprocess } from "bun";
import { readLines } from "../../src/lib/lines";

export interface Child {
  proc: Subprocess<"ignore", "pipe", "pipe">;
  lines: string[];
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  stop(): Promise<void>;
}

export function spawnChild(argv: string[], cwd: string, env: Record<string, string | undefined>): Child {
  const proc = Bun.spawn(argv, { cwd, env, stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  const lines: string[] = [];
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    for await (const line of readLines(stream)) lines.push(line);
  };
  void pump(proc.stdout);
  void pump(proc.stderr);
  return {
    proc,
    lines,
    async waitFor(pattern, ms = 30_000) {
      const deadline = performance.now() + ms;
      while (performance.now() < deadline) {
        const found = lines.find((l) => pattern.test(l));
        if (found) return found;
        if (proc.exitCode !== null) break;
        await Bun.sleep(50);
      }
      throw new Error(`no line matching ${pattern} from ${argv.join(" ")} (exit ${proc.exitCode}):\n${lines.join("\n")}`);
    },
    async stop() {
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 15_000);
      await proc.exited;
      clearTimeout(timer);
    },
  };
}
