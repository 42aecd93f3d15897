// Grades one submission: runs the trusted runner, which starts the sandboxed student.
import { join } from "node:path";
import type { Config } from "../src/config";
import type { Outcome, TestResult } from "../src/submissions/status";
import { HARNESS_DIR, type SandboxSpec } from "./sandbox";

export interface GradeResult {
  outcome: Outcome;
  message: string;
  tests: TestResult[];
  output: string;
}

export interface GradeJob {
  source: string;
  tests: string;
}

/** Thrown when the grading machinery itself failed (not the student's code). */
export class GraderFailure extends Error {}

export async function grade(config: Config, sandbox: SandboxSpec, job: GradeJob): Promise<GradeResult> {
  const g = config.grading;
  const input = JSON.stringify({
    source: job.source,
    tests: job.tests,
    sandbox,
    wallSeconds: g.wallSeconds,
    cpuSeconds: g.cpuSeconds,
    outputCap: g.outputBytes,
  });
  const proc = Bun.spawn([config.python, "-I", join(HARNESS_DIR, "runner.py")], {
    stdin: new Blob([input]),
    stdout: "pipe",
    stderr: "pipe",
    env: {},
  });
  // The runner enforces the wall limit itself; this is the backstop if it hangs.
  const backstop = setTimeout(() => proc.kill("SIGKILL"), (g.wallSeconds + 10) * 1000);
  try {
    const [stdout, stderr, code] = await Promise.all([
      new Response(proc.stdout).text(),
      new Response(proc.stderr).text(),
      proc.exited,
    ]);
    if (code !== 0) throw new GraderFailure(`runner exited with ${code}: ${stderr.slice(-2000)}`);
    return JSON.parse(stdout) as GradeResult;
  } finally {
    clearTimeout(backstop);
  }
}
