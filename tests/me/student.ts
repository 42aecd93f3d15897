// A student with work stored: one assignment solved, one failed attempt, and (optionally) an
// account row as sign-in would create it. Through the real routes; grading by hand.
import { accounts } from "../../src/db/schema";
import { Client, listAssignments, type makeApp, unique } from "../helpers/app";
import { gradeByHand } from "../helpers/grading";

export type TestApp = ReturnType<typeof makeApp>;

export async function studentWithWork(t: TestApp, opts: { account?: boolean } = {}) {
  const c = Client.forApp(t.app);
  const [first, second] = (await listAssignments(t.app)).map((a) => a.id);
  const userId = ((await (await c.json("/api/me")).json()) as { userId: string }).userId;
  const solvedCode = unique("def hello():\n    return 'Hello'");
  const solved = (await (await c.submit(first!, solvedCode)).json()) as { id: number };
  await gradeByHand(t.ctx.db, solved.id, {
    outcome: "passed",
    message: "All 1 tests passed.",
    tests: [{ name: "test_hello", passed: true, message: "" }],
    output: `printed by ${userId}`,
  });
  const failedCode = unique("def wrong():\n    pass");
  const failed = (await (await c.submit(second!, failedCode)).json()) as { id: number };
  await gradeByHand(t.ctx.db, failed.id, {
    outcome: "failed",
    message: "0 of 1 tests passed.",
    tests: [{ name: "test_add", passed: false, message: "add(1, 2) should be 3", expected: "3", actual: "None" }],
  });
  if (opts.account) {
    await t.ctx.db
      .insert(accounts)
      .values({ userId, issuer: "https://idp.example", subject: `sub-${userId}`, name: "Ada Student", email: `${userId}@example.edu` });
  }
  return { c, userId, first: first!, second: second!, solved: solved.id, failed: failed.id, solvedCode, failedCode };
}
