// The graders' autoscaling query (the KEDA postgresql trigger in base/grader-scaling.yaml),
// run for real against our schema with queued, grading and finished submissions: the count
// is queued + grading, and the replicas KEDA's HPA asks for are ceil(count / target),
// within minReplicaCount..maxReplicaCount.
import { afterAll, beforeAll, expect, test } from "bun:test";
import postgres from "postgres";
import { createScratch, type Scratch } from "../../scripts/scratch";
import { loadConfig } from "../../src/config";
import { PENDING_STATUSES } from "../../src/submissions/status";
import { parseDocs, render } from "./tools";

const scaled = parseDocs(render("overlays/prod")).find((d) => d.kind === "ScaledObject")!;
const spec = scaled.spec as {
  minReplicaCount: number;
  maxReplicaCount: number;
  triggers: { type: string; metadata: { query: string; targetQueryValue: string; activationTargetQueryValue: string } }[];
};
const trigger = spec.triggers[0]!;
const target = Number(trigger.metadata.targetQueryValue);

let scratch: Scratch;
let sql: postgres.Sql;
beforeAll(async () => {
  const config = loadConfig(process.env);
  scratch = await createScratch("k8s", {
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    assignmentsDir: config.assignmentsDir,
  });
  sql = postgres(scratch.databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await scratch?.drop();
});

/** Adds n submissions in one status (each its own user: one pending per user is a rule). */
async function add(status: string, n: number) {
  const [a] = await sql<{ id: number }[]>`select id from assignments order by id limit 1`;
  for (let i = 0; i < n; i++) {
    await sql`insert into submissions (user_id, assignment_id, code, code_hash, test_version, status, outcome)
      values (gen_random_uuid(), ${a!.id}, 'pass', md5(random()::text), 'v', ${status}, ${status === "graded" ? "passed" : null})`;
  }
}

/** What KEDA runs, and the replica count its HPA computes from the answer. */
async function keda(): Promise<{ count: number; replicas: number }> {
  const [row] = await sql.unsafe(trigger.metadata.query);
  const count = Number(Object.values(row!)[0]);
  const wanted = Math.ceil(count / target);
  return { count, replicas: Math.min(spec.maxReplicaCount, Math.max(spec.minReplicaCount, wanted)) };
}

test("the trigger counts queued and grading submissions, the statuses src/submissions/status.ts calls pending", () => {
  expect(trigger.type).toBe("postgresql");
  for (const s of PENDING_STATUSES) expect(trigger.metadata.query).toContain(`'${s}'`);
  expect(target).toBeGreaterThan(0);
  expect(spec.minReplicaCount).toBeGreaterThanOrEqual(1);
});

test("queued + grading is what KEDA sees; finished ones do not count; replicas = ceil(count / target)", async () => {
  expect(await keda()).toEqual({ count: 0, replicas: spec.minReplicaCount });
  await add("graded", 7);
  await add("error", 2);
  expect((await keda()).count).toBe(0);
  await add("queued", 9);
  await add("grading", 3); // in graders' processing lists: Redis's queue length alone misses these
  const now = await keda();
  expect(now.count).toBe(12);
  expect(now.replicas).toBe(Math.max(spec.minReplicaCount, Math.ceil(12 / target)));
  // Mid-job graders are still wanted when nothing waits: no scale-down under a running job.
  await sql`update submissions set status = 'graded', outcome = 'passed' where status = 'queued'`;
  expect(await keda()).toEqual({ count: 3, replicas: Math.max(spec.minReplicaCount, Math.ceil(3 / target)) });
});

test("a deadline rush is capped at maxReplicaCount", async () => {
  await add("queued", target * spec.maxReplicaCount + 5);
  expect((await keda()).replicas).toBe(spec.maxReplicaCount);
});
