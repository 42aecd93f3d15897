// Grades code against an assignment's real tests through the real sandbox; or writes a
// result by hand, for route and page tests that need a graded submission but no grader.

import { expect } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import type { Runner } from "../../grader/grade";
import { type LocalRunner, localRunner } from "../../grader/local-runner";
import { privilege } from "../../grader/sandbox";
import { readAssignments } from "../../src/assignments/files";
import type { Db } from "../../src/db/client";
import { type GradedResult, recordResult, startGrading } from "../../src/submissions/results";
import { testConfig } from "./app";

export const assignmentFiles = readAssignments(testConfig().assignmentsDir);

export function filesOf(slug: string) {
  const a = assignmentFiles.find((x) => x.slug === slug);
  if (!a) throw new Error(`no assignment ${slug}`);
  return a;
}

// One warm runner per distinct configuration, for the whole test process (its server
// and sandboxes die with this process).
const runners = new Map<string, LocalRunner>();
process.on("exit", () => {
  for (const r of runners.values()) r.close();
});

export function runnerFor(env: Record<string, string> = {}): Runner {
  const key = JSON.stringify(env);
  let local = runners.get(key);
  if (!local) {
    local = localRunner(testConfig(env), runners.size + 1);
    runners.set(key, local);
  }
  return local.runner;
}

/** The uids every test runner's sandboxes run as, to look for leftover processes. */
export const runnerUids = () => [...runners.values()].flatMap((r) => r.runner.uids);

export function gradeCode(slug: string, source: string, env: Record<string, string> = {}) {
  return runnerFor(env).grade({ source, tests: filesOf(slug).testCode });
}

/** Grades code against a test file of the test's own (fixtures that are not assignments). */
export function gradeWithTests(tests: string, source: string, env: Record<string, string> = {}) {
  return runnerFor(env).grade({ source, tests });
}

/**
 * What a grader writes for a queued submission (start, then the result and any award), with
 * no sandbox and no change message: `result` overrides a failed result without tests.
 * Returns the job (its `userId`, to announce the change) and the final row.
 */
export async function gradeByHand(db: Db, id: number, result: Partial<GradedResult> = {}) {
  const job = await startGrading(db, id, "test");
  if (!job) throw new Error(`submission ${id} is already final`);
  const row = await recordResult(db, id, { outcome: "failed", message: "", tests: [], output: "", gradingMs: 1, ...result });
  return { job, row };
}

/** Every process on the machine running as one of `uids` (zombies included): uid and name. */
export function processesOf(uids: number[]): { uid: string; name: string }[] {
  const wanted = new Set(uids.map(String));
  const found: { uid: string; name: string }[] = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
      if (uid && wanted.has(uid)) found.push({ uid, name: /^Name:\s+(.+)$/m.exec(status)?.[1] ?? "" });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** After hostile jobs: no process of any job is left, only each runner's prepared one. */
export async function expectNoLeftoverProcesses() {
  await Bun.sleep(500); // the last job's clean-up runs after its result is sent
  const found = processesOf(runnerUids());
  // Each runner keeps exactly one prepared, unused student process (python3, one slot uid)
  // for its next job; anything else under a slot uid would be a leftover of a job. Without
  // CAP_SYS_ADMIN (user-namespace mode) the zygote and the watcher of that prepared job run
  // as the same uid too: three python3 per runner.
  const warmUids = new Set(found.map((p) => p.uid));
  expect(warmUids.size).toBeLessThanOrEqual(runnerUids().length / 2);
  expect(found.filter((p) => !["bwrap", "python3"].includes(p.name))).toEqual([]);
  const perRunner = privilege() === "root" ? 1 : 3;
  expect(found.filter((p) => p.name === "python3").length).toBe(warmUids.size * perRunner);
}
