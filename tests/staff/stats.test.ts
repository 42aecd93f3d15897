// The statistics on a small data set whose answers are worked out by hand.
import { afterAll, describe, expect, test } from "bun:test";
import { appsForThisFile } from "../helpers/app";
import { addAccount, addAssignment, addCompletion, addSubmission, STAFF_EMAIL, staffClient } from "./fixtures";

const t = appsForThisFile()({ STAFF_EMAILS: STAFF_EMAIL });

const fail = (...names: string[]) => [...names.map((name) => ({ name, passed: false })), { name: "test_ok", passed: true }];

describe("staff statistics", async () => {
  const x = await addAssignment(t, "Stats fixture");
  afterAll(x.drop);
  const [a, b, c, d] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
  // A: failed (t1, t2), failed (t1, t2), passed -> solved on the 3rd
  await addSubmission(t, a, x.id, "failed", fail("test_one", "test_two"), at(1));
  await addSubmission(t, a, x.id, "failed", fail("test_one", "test_two"), at(2));
  await addCompletion(t, a, x.id, await addSubmission(t, a, x.id, "passed", [], at(3)));
  // B: passed at once (1st), and again later (not a new first pass)
  await addCompletion(t, b, x.id, await addSubmission(t, b, x.id, "passed", [], at(4)));
  await addSubmission(t, b, x.id, "passed", [], at(5));
  // C: syntax error, then failed (t2, t3): never solved
  await addSubmission(t, c, x.id, "syntax_error", [], at(6));
  await addSubmission(t, c, x.id, "failed", fail("test_two", "test_three"), at(7));
  // D: one submission still queued (counts as an attempt, not graded)
  await addSubmission(t, d, x.id, null, [], at(8));
  await addAccount(t, a, "Ada Stats", "ada@example.edu");

  test("/api/staff/assignments: attempts, students, solvers, pass rate, median attempts to first pass, top failing tests", async () => {
    const { client } = await staffClient(t);
    const all = (await (await client.request("/api/staff/assignments")).json()) as Record<string, unknown>[];
    expect(all.find((s) => s.id === x.id)).toEqual({
      id: x.id,
      slug: x.slug,
      title: "Stats fixture",
      module: null,
      attempts: 8,
      students: 4,
      solvers: 2,
      passRate: 3 / 7, // 3 passed of 7 graded (D's is queued)
      medianAttemptsToPass: 2, // A: 3, B: 1
      topFailingTests: [
        { name: "test_two", count: 3 },
        { name: "test_one", count: 2 },
        { name: "test_three", count: 1 },
      ],
    });
  });

  test("an assignment nobody tried has zeros and nulls", async () => {
    const empty = await addAssignment(t, "Untouched");
    try {
      const { client } = await staffClient(t);
      const all = (await (await client.request("/api/staff/assignments")).json()) as Record<string, unknown>[];
      expect(all.find((s) => s.id === empty.id)).toMatchObject({
        attempts: 0,
        students: 0,
        solvers: 0,
        passRate: null,
        medianAttemptsToPass: null,
        topFailingTests: [],
      });
    } finally {
      await empty.drop();
    }
  });

  test("the assignment's page shows the same numbers and the outcome counts", async () => {
    const { client } = await staffClient(t);
    const page = await (await client.request(`/staff/assignments/${x.id}`)).text();
    for (const fact of [
      "<dd>8</dd>",
      "<dd>4</dd>",
      "<dd>2</dd>",
      "<dd>43 %</dd>",
      "<code>test_two</code>: 3",
      "Passed: 3",
      "Some tests failed: 3",
    ])
      expect(page).toContain(fact);
    expect(page).toMatch(/Syntax error[^:]*: 1/i);
  });

  test("/api/staff/students: one row per student with points, solved, attempts and last activity", async () => {
    const { client } = await staffClient(t);
    const rows = (await (await client.request("/api/staff/students")).json()) as Record<string, unknown>[];
    const byId = new Map(rows.map((r) => [r.userId, r]));
    expect(byId.get(a)).toEqual({
      userId: a,
      name: "Ada Stats",
      email: "ada@example.edu",
      points: 100,
      solved: [x.id],
      attempts: 3,
      lastActiveAt: at(3).toISOString(),
      lms: {},
    });
    expect(byId.get(c)).toMatchObject({ name: `anonymous #${c.slice(0, 8)}`, email: null, points: 0, solved: [], attempts: 2 });
    expect(byId.get(d)).toMatchObject({ attempts: 1, lastActiveAt: at(8).toISOString() });
    // staff accounts are not students
    expect(rows.some((r) => r.email === STAFF_EMAIL)).toBe(false);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(rows.length);
  });

  test("one student's submissions: every one, newest first, with code, outcome and feedback", async () => {
    const { client } = await staffClient(t);
    const subs = (await (await client.request(`/api/staff/students/${a}/submissions`)).json()) as Record<string, unknown>[];
    expect(subs.map((s) => s.outcome)).toEqual(["passed", "failed", "failed"]);
    expect(subs[0]).toMatchObject({ assignmentId: x.id, status: "graded", correct: true });
    expect(String(subs[1]!.code)).toContain("# failed");
    expect((subs[1]!.tests as { name: string }[]).map((x) => x.name)).toContain("test_one");
    const page = await (await client.request(`/staff/students/${a}`)).text();
    expect(page).toContain("Ada Stats");
    expect(page.indexOf("Passed")).toBeLessThan(page.indexOf("Some tests failed"));
    expect((await client.request(`/api/staff/students/${crypto.randomUUID()}/submissions`)).status).toBe(200);
    expect((await client.request(`/staff/students/${crypto.randomUUID()}`)).status).toBe(404);
  });
});
