// The scores owed to LMS line items (AGS), in Postgres: made when a student who launched from
// a link with a line item has solved its assignment, queued by id on the scores queue, and
// marked sent or failed by the worker. Postgres is the truth; Redis only carries ids.
import type Redis from "ioredis";
import type { Context } from "../../context";
import type { ScoreState } from "../../db/schema";
import type { Keys } from "../../queue/keys";

// $1: one user, or null for everyone (the sweeper). A completion whose user launched from a
// link to its assignment with a line item owes that link a score, recorded once.
const OWE = `
insert into lti_scores (user_id, link_id, assignment_id, solved_at)
select c.user_id, l.id, c.assignment_id, c.created_at
from completions c
join lti_launches lu on lu.user_id = c.user_id
join lti_resource_links l on l.id = lu.link_id and l.assignment_id = c.assignment_id and l.line_item_url is not null
where $1::uuid is null or c.user_id = $1::uuid
on conflict (user_id, link_id) do nothing
returning id`;

/** Pushes score ids on the scores queue (the left end; workers take from the right). */
export async function enqueueScores(redis: Redis, keys: Keys, ids: number[]): Promise<void> {
  if (ids.length > 0) await redis.lpush(keys.scores.queue, ...ids.map(String));
}

/**
 * Records and queues the scores a user now owes their LMSs (after a first solve, or a launch
 * from a link whose assignment they solved before). Called after the solve's commit, never
 * inside grading; a failure here is left to the sweeper, which runs the same insert for all.
 */
export async function oweScores(ctx: Context, userId: string | null): Promise<number[]> {
  const rows = await ctx.db.$client.unsafe(OWE, [userId], { prepare: true });
  const ids = rows.map((r) => r.id as number);
  await enqueueScores(ctx.redis, ctx.keys, ids).catch((e) =>
    ctx.log.warn("score enqueue failed; left for the sweeper", { error: String(e) }),
  );
  return ids;
}

/** After a solve: owe and queue, logged rather than thrown (the caller's work is done). */
export function afterSolve(ctx: Context, userId: string): void {
  oweScores(ctx, userId).catch((e) => ctx.log.warn("recording LMS scores failed; left for the sweeper", { error: String(e) }));
}

/** Pending scores that are due (their backoff is over), oldest first. */
export async function dueScores(ctx: Context): Promise<number[]> {
  const rows = await ctx.sql<{ id: number }[]>`
    select id from lti_scores where state = 'pending' and next_at <= now() order by next_at limit 1000`;
  return rows.map((r) => r.id);
}

export interface ScoreJob {
  id: number;
  state: ScoreState;
  attempts: number;
  due: boolean;
  solvedAt: Date;
  lineItemUrl: string;
  subject: string;
  platform: { id: number; issuer: string; clientId: string; tokenUrl: string };
}

export async function scoreJob(ctx: Context, id: number): Promise<ScoreJob | undefined> {
  const [r] = await ctx.sql`
    select s.id, s.state, s.attempts, s.next_at <= now() as due, s.solved_at, l.line_item_url, lu.subject,
           p.id as platform_id, p.issuer, p.client_id, p.token_url
    from lti_scores s
    join lti_resource_links l on l.id = s.link_id
    join lti_launches lu on lu.user_id = s.user_id and lu.link_id = s.link_id
    join lti_platforms p on p.id = l.platform_id
    where s.id = ${id}`;
  if (!r?.line_item_url) return undefined;
  return {
    id: r.id,
    state: r.state,
    attempts: r.attempts,
    due: r.due,
    solvedAt: new Date(r.solved_at),
    lineItemUrl: r.line_item_url,
    subject: r.subject,
    platform: { id: r.platform_id, issuer: r.issuer, clientId: r.client_id, tokenUrl: r.token_url },
  };
}

/** The outcome of one try, written only while the score is still pending (a resend restarts it). */
export async function recordTry(
  ctx: Context,
  id: number,
  attempts: number,
  outcome: { sent: true } | { sent: false; error: string; retryInMs: number | null },
): Promise<void> {
  if (outcome.sent) {
    await ctx.sql`update lti_scores set state = 'sent', attempts = ${attempts}, sent_at = now(), last_error = null, updated_at = now()
      where id = ${id} and state = 'pending'`;
    return;
  }
  const state: ScoreState = outcome.retryInMs === null ? "failed" : "pending";
  await ctx.sql`update lti_scores set state = ${state}, attempts = ${attempts}, last_error = ${outcome.error},
      next_at = now() + make_interval(secs => ${(outcome.retryInMs ?? 0) / 1000}), updated_at = now()
    where id = ${id} and state = 'pending'`;
}

export interface StaffScore {
  id: number;
  assignmentId: number;
  link: string;
  course: string | null;
  state: ScoreState;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

/** A student's scores owed to LMSs, for the staff student page (kept to the scope's courses). */
export async function studentScores(ctx: Context, userId: string, courses: string | null): Promise<StaffScore[]> {
  const rows = await ctx.sql`
    select s.id, s.assignment_id, coalesce(l.title, l.resource_link_id) as link, c.title as course, s.state, s.attempts,
           s.last_error, s.sent_at
    from lti_scores s join lti_resource_links l on l.id = s.link_id left join lti_contexts c on c.id = l.context_id
    where s.user_id = ${userId} and (${courses}::int[] is null or l.context_id = any(${courses}::int[]))
    order by s.id`;
  return rows.map((r) => ({
    id: r.id,
    assignmentId: r.assignment_id,
    link: r.link,
    course: r.course,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
  }));
}

/** Staff's resend: the score is pending again with fresh tries, and queued. False when the student has no such score. */
export async function resendScore(ctx: Context, userId: string, id: number, courses: string | null): Promise<boolean> {
  const rows = await ctx.sql`
    update lti_scores s set state = 'pending', attempts = 0, next_at = now(), last_error = null, updated_at = now()
    from lti_resource_links l
    where s.id = ${id} and s.user_id = ${userId} and l.id = s.link_id
      and (${courses}::int[] is null or l.context_id = any(${courses}::int[]))
    returning s.id`;
  if (rows.length === 0) return false;
  await enqueueScores(ctx.redis, ctx.keys, [id]).catch(() => {}); // else the sweeper
  return true;
}
