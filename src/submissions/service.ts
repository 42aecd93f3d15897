// Submissions, as seen by the web process: create (or reuse), read, position in queue.
import { createHash } from "node:crypto";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Context } from "../context";
import { completions, submissions, type AssignmentRow, type SubmissionRow } from "../db/schema";
import { HttpError, isUniqueViolation, notFound } from "../lib/errors";
import { enqueue, publishChange, queueLength, queuePosition } from "../queue/queue";
import { hitRateLimits, limitsFor } from "../security/rate-limit";
import { toSubmission, type Submission } from "./view-model";

const PENDING_CONFLICT =
  "You already have a submission waiting to be graded. Wait for its result, then submit again.";

export const codeHash = (code: string) => createHash("sha256").update(code).digest("hex");

/**
 * How many queued submissions are ahead of this one: from the Redis list (a scan in Redis,
 * cheap even with thousands of open streams asking), else counted in Postgres (FIFO by id).
 */
export async function positionOf(ctx: Context, id: number): Promise<number> {
  const inQueue = await queuePosition(ctx.redis, ctx.keys, id).catch(() => undefined);
  if (inQueue !== undefined) return inQueue;
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(submissions)
    .where(and(eq(submissions.status, "queued"), lt(submissions.id, id)));
  return row?.n ?? 0;
}

export async function snapshot(ctx: Context, row: SubmissionRow): Promise<Submission> {
  return toSubmission(row, row.status === "queued" ? await positionOf(ctx, row.id) : null);
}

export async function findOwnSubmission(ctx: Context, id: number, userId: string): Promise<SubmissionRow> {
  const [row] = await ctx.db.select().from(submissions).where(eq(submissions.id, id)).limit(1);
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
  await publishChange(ctx.redis, ctx.keys, { id: row.id, userId: row.userId }).catch(() => {});
}

/**
 * Counts a submission request per user and per IP address (before any other work on it).
 * Returns the RateLimit-* headers to send; throws 429 past a limit.
 */
export async function checkSubmissionRate(ctx: Context, userId: string, ip: string | undefined): Promise<Record<string, string>> {
  const { submissionsPerMinute, submissionsPerMinutePerIp } = ctx.config.limits;
  return hitRateLimits(ctx, "submit", limitsFor(userId, ip, submissionsPerMinute, submissionsPerMinutePerIp),
    "Too many submissions.");
}

/** Seconds a client is asked to wait when the queue is full (a guess at how fast it drains). */
const QUEUE_FULL_RETRY = 30;

/**
 * Refuses new work (503) while the backlog is at QUEUE_CAP, so a flood waits at the door
 * instead of in an ever longer queue. Concurrent requests may overshoot by a few.
 */
export async function checkQueueCap(ctx: Context): Promise<void> {
  let waiting: number;
  try {
    waiting = await queueLength(ctx.redis, ctx.keys);
  } catch {
    return; // Redis down: the row is still accepted and the sweeper enqueues it later
  }
  if (waiting >= ctx.config.limits.queueCap) {
    throw new HttpError(503,
      `The graders are busy: ${waiting} submissions are waiting. Please submit again in ${QUEUE_FULL_RETRY} seconds.`,
      { "Retry-After": String(QUEUE_FULL_RETRY) });
  }
}

export async function createSubmission(
  ctx: Context, userId: string, assignment: AssignmentRow, code: string,
): Promise<Submission> {
  const hash = codeHash(code);
  const base = { userId, assignmentId: assignment.id, code, codeHash: hash, testVersion: assignment.testVersion };
  const prior = await findReusable(ctx, base.assignmentId, hash, assignment.testVersion);
  if (prior) return createReused(ctx, base, prior); // answered at once: no queue involved
  await checkQueueCap(ctx);

  let row: SubmissionRow | undefined;
  try {
    [row] = await ctx.db.insert(submissions).values({ ...base, status: "queued" }).returning();
  } catch (e) {
    if (isUniqueViolation(e, "submissions_one_pending_per_user")) throw new HttpError(409, PENDING_CONFLICT);
    throw e;
  }
  if (!row) throw new Error("insert returned no row");
  ctx.cache.users.invalidate(row.userId);
  try {
    const length = await enqueue(ctx.redis, ctx.keys, { id: row.id, userId: row.userId });
    return toSubmission(row, length - 1); // the position without a count over the queue
  } catch (e) {
    // The row is committed: the graders' sweeper enqueues it when Redis is back.
    ctx.log.warn("enqueue failed; left for the sweeper", { id: row.id, error: String(e) });
    return snapshot(ctx, row);
  }
}

async function findReusable(ctx: Context, assignmentId: number, hash: string, testVersion: string) {
  const [prior] = await ctx.db
    .select()
    .from(submissions)
    .where(and(
      eq(submissions.assignmentId, assignmentId),
      eq(submissions.codeHash, hash),
      eq(submissions.testVersion, testVersion),
      eq(submissions.status, "graded"),
      // A time limit can depend on the machine's load at the time: grade again.
      sql`${submissions.outcome} <> 'time_limit'`,
    ))
    .orderBy(desc(submissions.id))
    .limit(1);
  return prior;
}

type NewSubmission = Pick<SubmissionRow, "userId" | "assignmentId" | "code" | "codeHash" | "testVersion">;

/** Identical code, same tests: answered from the earlier result, points awarded as usual. */
async function createReused(ctx: Context, base: NewSubmission, prior: SubmissionRow): Promise<Submission> {
  const row = await ctx.db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.userId, base.userId), sql`${submissions.status} in ('queued','grading')`))
      .limit(1);
    if (pending) throw new HttpError(409, PENDING_CONFLICT);
    const [inserted] = await tx.insert(submissions).values({
      ...base,
      status: "graded",
      outcome: prior.outcome,
      message: prior.message,
      tests: prior.tests,
      output: prior.output,
      reused: true,
      gradingMs: 0,
      gradedAt: new Date(),
    }).returning();
    if (!inserted) throw new Error("insert returned no row");
    if (inserted.outcome !== "passed") return inserted;
    const awarded = await tx.insert(completions)
      .values({ userId: base.userId, assignmentId: base.assignmentId, submissionId: inserted.id })
      .onConflictDoNothing()
      .returning();
    if (awarded.length === 0) return inserted;
    const [updated] = await tx.update(submissions).set({ pointsAwarded: true })
      .where(eq(submissions.id, inserted.id)).returning();
    return updated ?? inserted;
  });
  await announceChange(ctx, row);
  return toSubmission(row, null);
}
