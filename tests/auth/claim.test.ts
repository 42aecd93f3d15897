// The merge rules of a claim: union of completions (earliest kept, +100 once), submissions
// moved, a pending one finishing into the account, both pending, two tabs at once.
import { afterAll, describe, expect, test } from "bun:test";
import { recordResult, startGrading } from "../../src/submissions/results";
import { appsForThisFile, assignmentIds, Client } from "../helpers/app";
import { gradeByHand } from "../helpers/grading";
import { newUser, signIn, startProvider, type TestUser } from "../helpers/oidc";
import { form, made, me } from "./helpers";

const op = await startProvider();
afterAll(() => op.close());
const t = appsForThisFile()(op.env);
const client = () => Client.forApp(t.app);
const [a1, a2, a3] = Object.values(await assignmentIds(t.app)) as [number, number, number];

/** An account with progress of its own, made on another device. */
async function account(build: (c: Client) => Promise<unknown>): Promise<{ user: TestUser; userId: string }> {
  const user = newUser();
  const c = client();
  await signIn(c, op, user);
  await build(c);
  return { user, userId: (await me(c)).userId };
}

const completionsOf = (userId: string) =>
  t.ctx.sql<{ assignment_id: number; submission_id: number; created_at: Date }[]>`
    select assignment_id, submission_id, created_at from completions where user_id = ${userId} order by assignment_id`;

describe("claiming anonymous progress", () => {
  test("completions are the union, the earliest solve kept, +100 once per assignment; submissions move", async () => {
    const acc = await account((c) => made(t.ctx, c, a1, "passed"));
    const c = client();
    const early = await made(t.ctx, c, a1, "passed");
    await made(t.ctx, c, a2, "passed");
    await made(t.ctx, c, a3, "failed");
    const anonymous = (await me(c)).userId;
    // The browser solved a1 before the account did.
    await t.ctx.sql`update completions set created_at = now() - interval '1 day' where submission_id = ${early}`;

    await signIn(c, op, acc.user);
    expect(await (await c.request("/auth/claim")).text()).toContain("1 solved assignment, 3 submissions");
    expect((await c.request("/auth/claim", form("add"))).status).toBe(303);

    expect(await me(c)).toMatchObject({ userId: acc.userId, points: 200, solved: [a1, a2] });
    const rows = await completionsOf(acc.userId);
    expect(rows.map((r) => r.assignment_id)).toEqual([a1, a2]);
    expect(rows[0]!.submission_id).toBe(early);
    // Exactly one submission per solved assignment says "+100".
    const awarded = await t.ctx.sql`select id from submissions where user_id = ${acc.userId} and points_awarded order by id`;
    expect(awarded.map((r) => r.id).sort()).toEqual(rows.map((r) => r.submission_id).sort());
    expect((await t.ctx.sql`select count(*)::int as n from submissions where user_id = ${acc.userId}`)[0]!.n).toBe(4);
    expect((await completionsOf(anonymous)).length).toBe(0);
  });

  test("a submission being graded moves with the claim, and its +100 goes to the account", async () => {
    const acc = await account(async () => {});
    const c = client();
    const pending = await made(t.ctx, c, a2);
    expect(await startGrading(t.ctx.db, pending, "test")).toBeDefined(); // a grader has it
    await signIn(c, op, acc.user);
    expect((await c.request("/auth/claim", form("add"))).status).toBe(303);
    await recordResult(t.ctx.db, pending, { outcome: "passed", message: "passed", tests: [], output: "", gradingMs: 1 });
    t.ctx.cache.users.invalidate(acc.userId); // the grader's change message, which gradeByHand does not send
    expect(await me(c)).toMatchObject({ userId: acc.userId, points: 100, solved: [a2] });
    expect((await c.request(`/api/submissions/${pending}`)).status).toBe(200);
  });

  test("both the account and the browser have a submission pending: 409 in words, the claim kept, then added", async () => {
    let accountPending = 0;
    const acc = await account(async (d) => {
      accountPending = await made(t.ctx, d, a1);
    });
    const c = client();
    const mine = await made(t.ctx, c, a3);
    await signIn(c, op, acc.user);
    const refused = await c.request("/auth/claim", form("add"));
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("each have a submission being graded");
    // Nothing moved, nothing lost.
    expect((await t.ctx.sql`select user_id from submissions where id = ${mine}`)[0]!.user_id).toBe((await me(c)).userId);
    await gradeByHand(t.ctx.db, accountPending);
    expect((await c.request("/auth/claim", form("add"))).status).toBe(303);
    expect((await t.ctx.sql`select user_id from submissions where id = ${mine}`)[0]!.user_id).toBe(acc.userId);
  });

  test("two tabs adding at once merge once: points counted once, no completion twice", async () => {
    const acc = await account((d) => made(t.ctx, d, a3, "passed"));
    const c = client();
    await made(t.ctx, c, a1, "passed");
    await made(t.ctx, c, a2, "passed");
    await made(t.ctx, c, a3, "passed");
    await signIn(c, op, acc.user);
    const tab = () => c.request("/auth/claim", form("add"));
    const answers = await Promise.all([tab(), tab(), tab()]);
    expect(answers.map((r) => r.status).filter((s) => s === 303).length).toBeGreaterThanOrEqual(1);
    for (const r of answers) expect([303, 404]).toContain(r.status);
    expect(await me(c)).toMatchObject({ userId: acc.userId, points: 300, solved: [a1, a2, a3] });
    expect((await completionsOf(acc.userId)).length).toBe(3);
    const awarded = await t.ctx.sql`select count(*)::int as n from submissions where user_id = ${acc.userId} and points_awarded`;
    expect(awarded[0]!.n).toBe(3);
  });
});
