// Runs `bun run assignments:check` the way a user does: a child process, its exit code and output.
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..", "..");

export interface CheckRun {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

export async function runCheck(args: string[], env: Record<string, string> = {}): Promise<CheckRun> {
  const started = performance.now();
  const proc = Bun.spawn(["bun", "run", "--silent", "assignments:check", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  return { code, stdout, stderr, seconds: (performance.now() - started) / 1000 };
}

/** The table row of `slug`: its cells, the verdict (✓/✗) last. */
export function rowOf(stdout: string, slug: string): string[] | undefined {
  const line = stdout.split("\n").find((l) => l.startsWith(`${slug} `));
  return line?.trim().split(/\s{2,}/);
}

/** The failure sentences the check printed for `slug`. */
export function failuresOf(stdout: string, slug: string): string[] {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith(`✗ ${slug}: `))
    .map((l) => l.slice(`✗ ${slug}: `.length));
}
