// Submissions, as seen by the web process: create (or reuse), read, position in queue.
import { createHash } from "node:crypto";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { getAssignment } from "../assignments/service";
import type { Context } from "../context";
import { mapRow } from "../db/rows";
import { type AssignmentRow, completions, type SubmissionRow, submissions } from "../db/schema";
import { HttpError, isUniqueViolation, notFound } from "../lib/errors";
import { afterSolve } from "../lti/scores/records";
import { enqueue, publishChange, queuePosition } from "../queue/queue";
import { anyGraderAlive } from "../queue/workers";
import { hitRateLimitsAndMeasure, limitsFor } from "../security/rate-limit";
import { submissionById } from "./results";
import { PENDING_STATUSES } from "./status";
import { changeOf, type Submission, toSubmission } from "./view-model";

const PENDING_CONFLICT = "You already have a submission waiting to be graded. Wait for its result, then submit again.";

export const codeHash = (code: string) => createHash("sha256").update(code).digest("hex");

/**
 * How many queued submissions are ahead of this one: from the Redis list (a scan in Redis,
 * cheap even with thousands of open streams asking), else counted in Postgres (FIFO by id).
 */
export async function positionOf(ctx: Context, id: number): Promise<number> {
  const inQueue = await queuePosition(ctx.redis, ctx.keys, id).catch(() => undefined);
  return inQueue ?? queuedBefore(ctx, id);
}

/** How many queued submissions came before `id`, by Postgres (when Redis cannot say). */
async function queuedBefore(ctx: Context, id: number): Promise<number> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(submissions)
    .where(and(eq(submissions.status, "queued"), lt(submissions.id, id)));
  return row?.n ?? 0;
}

/** Whether a grader is alive to take queued jobs; when Redis cannot say, presumed so. */
const gradersAlive = (ctx: Context) => anyGraderAlive(ctx.redis, ctx.keys).catch(() => true);

export async function snapshot(ctx: Context, row: SubmissionRow): Promise<Submission> {
  if (row.status !== "queued") return toSubmission(row, null);
  const [position, alive] = await Promise.all([positionOf(ctx, row.id), gradersAlive(ctx)]);
  return toSubmission(row, { position, gradersAlive: alive });
}

export async function findOwnSubmission(ctx: Context, id: number, userId: string): Promise<SubmissionRow> {
  const row = await submissionById(ctx.db, id);
  // Another user's submission answers exactly like a missing one.
  if (!row || row.userId !== userId) throw notFound("This submission");
  return row;
}

/** The user's latest submission of an assignment, cached per user until it changes. */
export function latestSubmission(ctx: Context, userId: string, assignmentId: number): Promise<SubmissionRow | undefined> {
  return ctx.cache.users.get(userId, `latest:${assignmentId}`, async () => {
    const [row] = await ctx.db
      .select()
      .from(submissions)
      .where(and(eq(submissions.userId, userId), eq(submissions.assignmentId, assignmentId)))
      .orderBy(desc(submissions.id))
      .limit(1);
    return row;
  });
}

/** A user's submissions changed: this process forgets its answers at once, the others on the message. */
async function announceChange(ctx: Context, row: SubmissionRow): Promise<void> {
  ctx.cache.users.invalidate(row.userId);
  await publishChange(ctx.redis, ctx.keys, changeOf(row)).catch(() => {});
}

export interface SubmitRequest {
  userId: string;
  /** the client's address, for the per-IP limit (when known) */
  ip: string | undefined;
  assignmentId: number;
  /** reads the code from the body (JSON or form) and validates it; called once the request is counted */
  readCode: () => Promise<string>;
}

export interface Accepted {
  assignment: AssignmentRow;
  submission: Submission;
  /** RateLimit-* headers for the response (a refusal carries them in its HttpError) */
  headers: Record<string, string>;
}

/**
 * The one way in for a submission, from the API and from the page's form alike, in this
 * order: the request is counted against the limits per user and per IP, the queue's length
 * read in the same round trip (429; every request counts, refused ones too, so probing costs
 * as much as using); the assignment (404); the code (413, 415, 422); then an identical graded
 * result reused, or a new queued row unless the queue is full (503), or 409 while one is
 * pending; then the push on the queue, the second and last round trip to Redis.
 */
export async function submit(ctx: Context, req: SubmitRequest): Promise<Accepted> {
  const { submissionsPerMinute, submissionsPerMinutePerIp } = ctx.config.limits;
  // Sent in the same turn of the event loop: one round trip (the connection auto-pipelines).
  const [{ headers, length }, alive] = await Promise.all([
    hitRateLimitsAndMeasure(
      ctx,
      "submit",
      limitsFor(req.userId, req.ip, submissionsPerMinute, submissionsPerMinutePerIp),
      "Too many submissions.",
      ctx.keys.queue,
    ),
    gradersAlive(ctx),
  ]);
  try {
    const assignment = await getAssignment(ctx, req.assignmentId);
    const code = await req.readCode();
    const queue = { waiting: length, gradersAlive: alive };
    return { assignment, headers, submission: await createSubmission(ctx, req.userId, assignment, code, queue) };
  } catch (e) {
    if (e instanceof HttpError) throw new HttpError(e.status, e.message, { ...headers, ...e.headers });
    throw e;
  }
}

/** Seconds a client is asked to wait when the queue is full (a guess at how fast it drains). */
const QUEUE_FULL_RETRY = 30;

const queueFull = (waiting: number) =>
  new HttpError(503, `The graders are busy: ${waiting} submissions are waiting. Please submit again in ${QUEUE_FULL_RETRY} seconds.`, {
    "Retry-After": String(QUEUE_FULL_RETRY),
  });

// $1 assignment id, $2 code hash, $3 test version, $4 user id, $5 code, $6 true when the queue is full.
// The latest graded submission of the same code and tests (a time limit may have depended on
// the machine's load: graded again), else, unless the queue is full, a new queued row: one
// round trip, a statement prepared once per connection.
const REUSE_OR_INSERT = `
with prior as (
  select * from submissions
  where assignment_id = $1::int and code_hash = $2::text and test_version = $3::text
    and status = 'graded' and outcome <> 'time_limit'
  order by id desc limit 1
), inserted as (
  insert into submissions (user_id, assignment_id, code, code_hash, test_version, status)
  select $4::uuid, $1::int, $5::text, $2::text, $3::text, 'queued'
  where not exists (select 1 from prior) and not $6::boolean
  returning *
)
select true as reusable, * from prior union all select false as reusable, * from inserted`;

/**
 * A new submission: answered at once from an identical graded one, else queued. Throws 409
 * while the user has one pending, and 503 while the backlog (`waiting`, read by submit) is at
 * QUEUE_CAP (unless reused), so a flood waits at the door instead of in an ever longer queue
 * (concurrent requests may overshoot by a few).
 */
async function createSubmission(
  ctx: Context,
  userId: string,
  assignment: AssignmentRow,
  code: string,
  { waiting, gradersAlive }: { waiting: number | undefined; gradersAlive: boolean },
): Promise<Submission> {
  const hash = codeHash(code);
  const base = { userId, assignmentId: assignment.id, code, codeHash: hash, testVersion: assignment.testVersion };
  // Redis down (undefined): the row is still accepted and the sweeper enqueues it later.
  const full = waiting !== undefined && waiting >= ctx.config.limits.queueCap;

  let found: Record<string, unknown> | undefined;
  try {
    [found] = await ctx.db.$client.unsafe(REUSE_OR_INSERT, [base.assignmentId, hash, base.testVersion, userId, code, full], {
      prepare: true,
    });
  } catch (e) {
    if (isUniqueViolation(e, "submissions_one_pending_per_user")) throw new HttpError(409, PENDING_CONFLICT);
    throw e;
  }
  if (!found) throw queueFull(waiting!); // no earlier result, and no room in the queue
  const row = mapRow(submissions, found);
  if (found.reusable) return createReused(ctx, base, row); // answered at once: no queue involved

  ctx.cache.users.invalidate(row.userId);
  try {
    const length = await enqueue(ctx.redis, ctx.keys, { id: row.id, userId: row.userId });
    return toSubmission(row, { position: length - 1, gradersAlive }); // the position without a count over the queue
  } catch (e) {
    // The row is committed: the graders' sweeper enqueues it when Redis is back. Its position
    // from Postgres: Redis just failed (or hung for a whole command timeout).
    ctx.log.warn("enqueue failed; left for the sweeper", { id: row.id, error: String(e) });
    return toSubmission(row, { position: await queuedBefore(ctx, row.id), gradersAlive });
  }
}

type NewSubmission = Pick<SubmissionRow, "userId" | "assignmentId" | "code" | "codeHash" | "testVersion">;

/** Identical code, same tests: answered from the earlier result, points awarded as usual. */
async function createReused(ctx: Context, base: NewSubmission, prior: SubmissionRow): Promise<Submission> {
  const row = await ctx.db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.userId, base.userId), inArray(submissions.status, [...PENDING_STATUSES])))
      .limit(1);
    if (pending) throw new HttpError(409, PENDING_CONFLICT);
    const [inserted] = await tx
      .insert(submissions)
      .values({
        ...base,
        status: "graded",
        outcome: prior.outcome,
        message: prior.message,
        tests: prior.tests,
        output: prior.output,
        reused: true,
        gradingMs: 0,
        gradedAt: new Date(),
      })
      .returning();
    if (!inserted) throw new Error("insert returned no row");
    if (inserted.outcome !== "passed") return inserted;
    const awarded = await tx
      .insert(completions)
      .values({ userId: base.userId, assignmentId: base.assignmentId, submissionId: inserted.id })
      .onConflictDoNothing()
      .returning();
    if (awarded.length === 0) return inserted;
    const [updated] = await tx.update(submissions).set({ pointsAwarded: true }).where(eq(submissions.id, inserted.id)).returning();
    return updated ?? inserted;
  });
  await announceChange(ctx, row);
  if (row.pointsAwarded) afterSolve(ctx, row.userId); // after the commit: LMS scores owed (src/lti/scores/)
  return toSubmission(row, null);
}
