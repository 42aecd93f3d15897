// The handout's `>>>` examples, run against the reference by examples.py (Python's doctest)
// in a child process with a timeout.
import { join } from "node:path";

export interface ExampleFailure {
  source: string;
  want: string;
  got: string;
}

export interface ExamplesReport {
  examples: number;
  failures: ExampleFailure[];
  /** reference.py itself raised (or the child failed): no example could run */
  error?: string;
}

const SCRIPT = join(import.meta.dir, "examples.py");

export async function runExamples(python: string, handout: string, reference: string, timeoutMs: number): Promise<ExamplesReport> {
  const proc = Bun.spawn([python, "-I", "-B", SCRIPT], { stdin: "pipe", stdout: "pipe", stderr: "pipe", env: {} });
  proc.stdin.write(JSON.stringify({ handout, reference }));
  proc.stdin.end();
  const timer = setTimeout(() => proc.kill("SIGKILL"), timeoutMs);
  const [out, err, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  clearTimeout(timer);
  const line = out.trim().split("\n").at(-1) ?? "";
  if (code === 0 && line.startsWith("{")) return JSON.parse(line) as ExamplesReport;
  const why =
    proc.signalCode === "SIGKILL"
      ? `they did not finish within ${timeoutMs / 1000} s`
      : err.trim().split("\n").at(-1) || `python exited with ${code}`;
  return { examples: 0, failures: [], error: why };
}
