// Staff test data written straight into Postgres: accounts as sign-in will create them, a
// `uid` cookie signed for a user id exactly as the app signs it, and submissions with
// chosen outcomes (no grader needed).
import { signUserId } from "../../src/identity/cookie";
import { Client, type makeApp } from "../helpers/app";

export const STAFF_EMAIL = "teacher@example.edu";
export type TestApp = ReturnType<typeof makeApp>;

/** A client whose cookie is the app's own signature of `userId`. */
export function clientFor(t: TestApp, userId: string): Client {
  const c = Client.forApp(t.app);
  c.cookie = `uid=${signUserId(t.config.sessionSecrets[0]!, userId)}`;
  return c;
}

export async function addAccount(t: TestApp, userId: string, name: string | null, email: string | null) {
  await t.ctx.sql`insert into accounts (user_id, issuer, subject, name, email)
    values (${userId}, 'https://idp.example', ${crypto.randomUUID()}, ${name}, ${email})`;
}

/** A signed-in staff member: an account with a staff e-mail, and its client. */
export async function staffClient(t: TestApp, email = STAFF_EMAIL) {
  const id = crypto.randomUUID();
  await addAccount(t, id, "Teacher", email);
  return { id, client: clientFor(t, id) };
}

type Test = { name: string; passed: boolean; message?: string };

/** One submission, graded with `outcome` (or left queued); returns its id. */
export async function addSubmission(
  t: TestApp,
  userId: string,
  assignmentId: number,
  outcome: string | null,
  tests: Test[] = [],
  createdAt = new Date(),
): Promise<number> {
  const status = outcome ? "graded" : "queued";
  const full = tests.map((x) => ({ message: "", ...x }));
  const [row] = await t.ctx
    .sql`insert into submissions (user_id, assignment_id, code, code_hash, test_version, status, outcome, tests, created_at)
    values (${userId}, ${assignmentId}, ${`# ${outcome} ${crypto.randomUUID()}`}, ${crypto.randomUUID()}, 'v', ${status}, ${outcome},
            ${JSON.stringify(full)}::jsonb, ${createdAt.toISOString()}::timestamptz) returning id`;
  return row!.id as number;
}

export async function addCompletion(t: TestApp, userId: string, assignmentId: number, submissionId: number) {
  await t.ctx.sql`insert into completions (user_id, assignment_id, submission_id) values (${userId}, ${assignmentId}, ${submissionId})`;
}

/** An assignment of the test's own (removed with its submissions by `drop`). */
export async function addAssignment(t: TestApp, title: string) {
  const slug = `staff-${crypto.randomUUID().slice(0, 8)}`;
  const [row] = await t.ctx.sql`insert into assignments (slug, title, position, handout, starter_code, test_code, test_version)
    values (${slug}, ${title}, 1000 + floor(random() * 100000)::int, '', '', '', 'v') returning id`;
  const id = row!.id as number;
  return { id, slug, drop: () => t.ctx.sql`delete from assignments where id = ${id}`.then(() => {}) };
}
