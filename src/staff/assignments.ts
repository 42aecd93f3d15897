// Per-assignment statistics, computed in Postgres (see the staff indexes in the schema).
import type { StaffAssignmentStats } from "../../views/staff";
import type { Context } from "../context";
import { inScope, type StaffScope, scopeParam } from "./scope";

/** Statistics as the API lists them; the view's shape documents the shared fields. */
export interface AssignmentStats extends Omit<StaffAssignmentStats, "outcomes"> {
  slug: string;
  /** the module's title; null for an assignment outside any module */
  module: string | null;
}

export type AssignmentDetail = AssignmentStats & Pick<StaffAssignmentStats, "outcomes">;

// $1: one assignment id (hidden ones too), or null for all visible ones; $2: the scope's
// courses (src/staff/scope.ts), null for every student.
const STATS = `
with subs as (
  select assignment_id, count(*)::int as attempts, count(distinct user_id)::int as students,
         count(*) filter (where status = 'graded')::int as graded,
         count(*) filter (where outcome = 'passed')::int as passed
  from submissions where ($1::int is null or assignment_id = $1) and ${inScope("user_id", 2)} group by assignment_id
), tries as (
  select c.assignment_id,
         (select count(*) from submissions s
           where s.user_id = c.user_id and s.assignment_id = c.assignment_id and s.id <= c.submission_id) as n
  from completions c where ($1::int is null or c.assignment_id = $1) and ${inScope("c.user_id", 2)}
), solvers as (
  select assignment_id, count(*)::int as solvers, percentile_cont(0.5) within group (order by n) as median
  from tries group by assignment_id
), failing as (
  select assignment_id, t->>'name' as name, count(*)::int as count
  from submissions s cross join lateral jsonb_array_elements(s.tests) t
  where s.status = 'graded' and s.outcome <> 'passed' and ($1::int is null or s.assignment_id = $1) and ${inScope("s.user_id", 2)}
    and t->>'passed' = 'false'
  group by 1, 2
), top as (
  select assignment_id, json_agg(json_build_object('name', name, 'count', count) order by count desc, name) as tests
  from (select *, row_number() over (partition by assignment_id order by count desc, name) as rank from failing) f
  where rank <= 5 group by assignment_id
)
select a.id, a.slug, a.title, m.title as module, coalesce(s.attempts, 0) as attempts, coalesce(s.students, 0) as students,
       coalesce(v.solvers, 0) as solvers, s.graded, s.passed, v.median, coalesce(t.tests, '[]') as tests
from assignments a
left join modules m on m.id = a.module_id
left join subs s on s.assignment_id = a.id
left join solvers v on v.assignment_id = a.id
left join top t on t.assignment_id = a.id
where ($1::int is null and not a.hidden) or a.id = $1
order by a.position, a.id`;

const OUTCOMES = `
select outcome, count(*)::int as count from submissions
where assignment_id = $1 and status = 'graded' and ${inScope("user_id", 2)} group by outcome order by count desc, outcome`;

export async function assignmentStats(
  ctx: Context,
  scope: Pick<StaffScope, "courses">,
  id: number | null = null,
): Promise<AssignmentStats[]> {
  const raw = await ctx.db.$client.unsafe(STATS, [id, scopeParam(scope)], { prepare: true });
  return raw.map((r) => ({
    id: r.id as number,
    slug: r.slug as string,
    title: r.title as string,
    module: (r.module as string | null) ?? null,
    attempts: r.attempts as number,
    students: r.students as number,
    solvers: r.solvers as number,
    passRate: r.graded ? (r.passed as number) / (r.graded as number) : null,
    medianAttemptsToPass: r.median === null ? null : Number(r.median),
    topFailingTests: (typeof r.tests === "string" ? JSON.parse(r.tests) : r.tests) as { name: string; count: number }[],
  }));
}

/** One assignment's statistics with its outcome counts, or undefined when there is no such assignment. */
export async function assignmentDetail(
  ctx: Context,
  scope: Pick<StaffScope, "courses">,
  id: number,
): Promise<AssignmentDetail | undefined> {
  const [stats] = await assignmentStats(ctx, scope, id);
  if (!stats) return undefined;
  const outcomes = await ctx.db.$client.unsafe(OUTCOMES, [id, scopeParam(scope)], { prepare: true });
  return { ...stats, outcomes: outcomes.map((o) => ({ outcome: o.outcome as string, count: o.count as number })) };
}
