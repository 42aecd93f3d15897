// The course table: one row per student, computed in Postgres (grouped through the
// submissions_staff_progress index) rather than by loading submissions into the app.
import type { StaffStudent } from "../../views/staff-table";
import type { Context } from "../context";
import { POINTS_PER_ASSIGNMENT } from "../submissions/status";
import { inScope, type StaffScope, scopeParam } from "./scope";

/** A student's row: the shape the view renders (views/staff-table.ts documents its fields). */
export type StudentRow = StaffStudent;

export const SORTS = ["name", "points", "attempts", "last"] as const;
export type Sort = (typeof SORTS)[number];

export interface TableQuery {
  sort: Sort;
  desc: boolean;
  /** a part of the name or e-mail, any case */
  filter: string;
  limit?: number;
  offset?: number;
}

// Whitelisted ORDER BY fragments (never built from the request's text); user_id breaks ties.
const ORDER: Record<Sort, string> = {
  name: "label",
  points: "cardinality(solved)",
  attempts: "attempts",
  last: "last_active",
};

// Students: everyone who submitted, and every account that is not staff ($1: staff e-mails),
// kept to the scope's courses ($5, src/staff/scope.ts; null: everyone). `lms`: per assignment
// the state of its LMS score (AGS), the worst of the student's links (failed, pending, sent).
const TABLE = (order: string) => `
with per as (
  select user_id, assignment_id, count(*)::int as n, max(created_at) as last
  from submissions where ${inScope("user_id", 5)} group by user_id, assignment_id
), active as (
  select user_id, sum(n)::int as attempts, max(last) as last_active,
         array_agg(assignment_id order by assignment_id) as attempted
  from per group by user_id
), done as (
  select user_id, array_agg(assignment_id order by assignment_id) as solved from completions
  where ${inScope("user_id", 5)} group by user_id
), scores as (
  select s.user_id, s.assignment_id,
         (array_agg(s.state order by case s.state when 'failed' then 0 when 'pending' then 1 else 2 end))[1] as state
  from lti_scores s join lti_resource_links l on l.id = s.link_id
  where $5::int[] is null or l.context_id = any($5::int[]) group by 1, 2
), lms as (
  select user_id, json_object_agg(assignment_id, state) as lms from scores group by user_id
), everyone as (
  select coalesce(u.user_id, a.user_id) as user_id, a.name, a.email,
         coalesce(nullif(btrim(a.name), ''), 'anonymous #' || left(coalesce(u.user_id, a.user_id)::text, 8)) as label,
         coalesce(u.attempts, 0) as attempts, u.last_active, coalesce(u.attempted, '{}') as attempted
  from active u full join accounts a on a.user_id = u.user_id
  where (a.email is null or lower(btrim(a.email)) <> all($1::text[])) and ${inScope("coalesce(u.user_id, a.user_id)", 5)}
)
select e.user_id, e.label, e.email, coalesce(d.solved, '{}') as solved, e.attempted, e.attempts, e.last_active,
       coalesce(l.lms, '{}') as lms, count(*) over () as total
from everyone e left join done d on d.user_id = e.user_id left join lms l on l.user_id = e.user_id
where $2 = '' or e.label ilike $2 escape '\\' or e.email ilike $2 escape '\\'
order by ${order}, e.user_id
limit $3 offset $4`;

/** `%part%` for ILIKE, with the part's own % _ \ taken literally. */
const likePattern = (part: string) => (part ? `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : "");

export async function courseTable(
  ctx: Context,
  q: TableQuery,
  scope: Pick<StaffScope, "courses">,
): Promise<{ rows: StudentRow[]; total: number }> {
  const order = `${ORDER[q.sort]} ${q.desc ? "desc nulls last" : "asc nulls first"}`;
  const raw = await ctx.db.$client.unsafe(
    TABLE(order),
    [[...ctx.config.staffEmails], likePattern(q.filter.trim()), q.limit ?? null, q.offset ?? 0, scopeParam(scope)],
    { prepare: true },
  );
  const rows = raw.map((r) => ({
    userId: r.user_id as string,
    name: r.label as string,
    email: (r.email as string | null) ?? null,
    points: (r.solved as number[]).length * POINTS_PER_ASSIGNMENT,
    solved: r.solved as number[],
    attempted: r.attempted as number[],
    attempts: Number(r.attempts),
    lastActiveAt: r.last_active ? new Date(r.last_active as string).toISOString() : null,
    lms: (typeof r.lms === "string" ? JSON.parse(r.lms) : r.lms) as StudentRow["lms"],
  }));
  return { rows, total: raw.length ? Number(raw[0]!.total) : 0 };
}
