// Which students a staff member sees. Staff by STAFF_EMAILS see everyone and may narrow the
// view to one recorded LMS course (`?course=<id>`); staff only by LTI (Instructor or TA of
// some LMS course) see the students of the courses they teach, never anyone else's. Read
// from Postgres on every staff request, like the staff rule itself.
import type { Context } from "../context";
import { HttpError } from "../lib/errors";
import { NOT_STAFF, staffByEmail } from "./access";

export interface Course {
  /** lti_contexts.id */
  id: number;
  title: string;
}

export interface StaffScope {
  /** the courses (lti_contexts ids) whose students are shown; null: every student */
  courses: number[] | null;
  /** the courses the filter offers: every recorded one (staff by e-mail), else those taught */
  choices: Course[];
  /** the course chosen by ?course=, if any */
  selected: number | null;
  /** staff by STAFF_EMAILS (everything), rather than only by LTI */
  all: boolean;
}

const NOT_YOUR_COURSE = "You can see the students of the LMS courses you teach only, and this is not one of them.";

const courseRows = (ctx: Context, taughtBy: string | null) =>
  ctx.sql<Course[]>`
    select c.id, coalesce(nullif(btrim(c.title), ''), c.label, c.context_id) || ' · ' || p.issuer as title
    from lti_contexts c join lti_platforms p on p.id = c.platform_id
    where ${taughtBy}::uuid is null
       or exists (select 1 from lti_memberships m where m.context_id = c.id and m.user_id = ${taughtBy}::uuid and m.staff)
    order by c.title, c.id`;

/** `?course=` as a course id, null when absent; anything else is a 400 in words. */
export function courseParam(raw: string | undefined): number | null {
  if (raw === undefined || raw === "") return null;
  if (!/^[0-9]{1,9}$/.test(raw)) throw new HttpError(400, "The course filter must be one of the listed courses (a number).");
  return Number(raw);
}

/** The user's scope, or 403 when they are not staff at all. */
export async function staffScope(ctx: Context, userId: string, newVisitor: boolean, course: number | null): Promise<StaffScope> {
  if (newVisitor) throw new HttpError(403, NOT_STAFF);
  const all = await staffByEmail(ctx, userId);
  const choices = [...(await courseRows(ctx, all ? null : userId))];
  if (!all && choices.length === 0) throw new HttpError(403, NOT_STAFF);
  if (course !== null && !choices.some((c) => c.id === course))
    throw all
      ? new HttpError(404, "This course was not found: no LMS has launched PyPractice from it.")
      : new HttpError(403, NOT_YOUR_COURSE);
  const courses = course !== null ? [course] : all ? null : choices.map((c) => c.id);
  return { courses, choices, selected: course, all };
}

/** 403 unless the scope shows this student (a member without a staff role of one of its courses). */
export async function requireVisible(ctx: Context, scope: StaffScope, studentId: string): Promise<void> {
  if (scope.courses === null) return;
  const rows = await ctx.sql`
    select 1 from lti_memberships
    where user_id = ${studentId}::uuid and not staff and context_id = any(${scopeParam(scope)}::int[]) limit 1`;
  if (rows.length === 0)
    throw new HttpError(
      403,
      scope.all ? "This student is not in the chosen course." : `This student is not in your courses. ${NOT_YOUR_COURSE}`,
    );
}

/** The scope as a query parameter: null for every student, else the Postgres array literal. */
export const scopeParam = (scope: Pick<StaffScope, "courses">) => (scope.courses === null ? null : `{${scope.courses.join(",")}}`);

/**
 * SQL that keeps `column` (a user id) to the scope's students; `$n` is the scope parameter.
 * The students of a course are its members without a staff role there.
 */
export const inScope = (column: string, n: number) =>
  `($${n}::int[] is null or ${column} in (select m.user_id from lti_memberships m where m.context_id = any($${n}::int[]) and not m.staff))`;
