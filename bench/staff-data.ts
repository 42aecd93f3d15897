// A real course's size for the staff benchmark, loaded in a few statements (INSERT ...
// SELECT generate_series): `students` users, half of them with an account, `submissions`
// spread over every assignment (each user about the same number), a quarter passed, and
// each user's first pass of an assignment recorded in completions.
import postgres from "postgres";

export async function loadCourse(databaseUrl: string, students: number, submissions: number): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`insert into accounts (user_id, issuer, subject, name, email)
      select md5('u' || g)::uuid, 'https://bench.example', 'u' || g, 'Student ' || g, 'student' || g || '@example.edu'
      from generate_series(1, ${Math.floor(students / 2)}) g`;
    await sql`
      with a as (select array_agg(id order by position) as ids, array_agg(test_version order by position) as versions, count(*)::int as n from assignments)
      insert into submissions (user_id, assignment_id, code, code_hash, test_version, status, outcome, tests, created_at, graded_at)
      select md5('u' || (1 + g % ${students}))::uuid, a.ids[1 + (g / ${students}) % a.n], 'print(' || g || ')', md5(g::text),
             a.versions[1 + (g / ${students}) % a.n], 'graded', o.outcome,
             case o.outcome when 'failed' then jsonb_build_array(
               jsonb_build_object('name', 'test_' || (g % 7), 'passed', false, 'message', 'expected 1, got 2'),
               jsonb_build_object('name', 'test_ok', 'passed', true, 'message', ''))
             else '[]'::jsonb end,
             now() - make_interval(secs => ${submissions} - g), now() - make_interval(secs => ${submissions} - g)
      from generate_series(1, ${submissions}) g, a,
           -- (g / students) is the round: which users pass differs from round to round
           lateral (select case when (g + g / ${students}) % 4 = 0 then 'passed' when g % 11 = 0 then 'syntax_error' else 'failed' end as outcome) o`;
    await sql`insert into completions (user_id, assignment_id, submission_id, created_at)
      select distinct on (user_id, assignment_id) user_id, assignment_id, id, created_at
      from submissions where outcome = 'passed' order by user_id, assignment_id, id`;
    // As autovacuum would leave it: statistics and the visibility map (index-only scans).
    await sql`vacuum analyze submissions, completions, accounts`;
  } finally {
    await sql.end();
  }
}

/** The staff indexes, as migration 0003 creates them: to measure without them, then put them back. */
export const STAFF_INDEXES = ["submissions_staff_progress", "submissions_staff_assignment"];
export const createStaffIndexes = async () =>
  (await Bun.file(new URL("../drizzle/0003_staff_indexes.sql", import.meta.url)).text()).split("--> statement-breakpoint");
