// The grader's side of the trusted Python server (harness/server.py): one long-lived
// process that keeps a warm, single-use sandbox ready for the next job.
import { join } from "node:path";
import type { Subprocess } from "bun";
import type { Config } from "../src/config";
import { readLines } from "../src/lib/lines";
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

type Server = Subprocess<"pipe", "pipe", "pipe">;

export class Runner {
  private server?: Server;
  private lines?: AsyncIterator<string>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private config: Config,
    private sandbox: SandboxSpec,
  ) {}

  get uids(): number[] {
    return this.sandbox.slots.map((s) => s.uid);
  }

  /** Grades one job; jobs are run one at a time, in the order they were given. */
  grade(job: GradeJob): Promise<GradeResult> {
    const run = this.queue.then(() => this.run(job));
    this.queue = run.catch(() => {});
    return run;
  }

  stop(): void {
    this.server?.kill("SIGKILL");
    this.server = undefined;
  }

  private ensure(): Server {
    if (this.server && this.server.exitCode === null && !this.server.killed) return this.server;
    const { config, sandbox } = this;
    const server = Bun.spawn([config.python, "-I", "-B", join(HARNESS_DIR, "server.py")], {
      stdin: "pipe",
      stdout: "pipe",
      stderr: "pipe",
      env: {},
    });
    server.stdin.write(
      JSON.stringify({
        sandbox,
        wallSeconds: config.grading.wallSeconds,
        outputCap: config.grading.outputBytes,
      }) + "\n",
    );
    server.stdin.flush();
    this.server = server;
    this.lines = readLines(server.stdout);
    return server;
  }

  private async run(job: GradeJob): Promise<GradeResult> {
    const server = this.ensure();
    server.stdin.write(JSON.stringify(job) + "\n");
    server.stdin.flush();
    // The job process enforces the wall limit; this is the backstop if the server hangs.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const backstop = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), (this.config.grading.wallSeconds + 15) * 1000)));
    const next = await Promise.race([this.lines!.next(), backstop]).finally(() => clearTimeout(timer));
    if (next === "timeout" || next.done) {
      const stderr = next === "timeout" ? "" : await new Response(server.stderr).text().catch(() => "");
      this.stop();
      throw new GraderFailure(next === "timeout" ? "grading server timed out" : `grading server exited: ${stderr.slice(-2000)}`);
    }
    const result = JSON.parse(next.value) as GradeResult | { error: string };
    if ("error" in result) throw new GraderFailure(result.error);
    return result;
  }
}
