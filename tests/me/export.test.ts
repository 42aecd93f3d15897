// GET /api/me/export: everything stored about the cookie's user, and nothing of anyone else.
import { afterAll, describe, expect, test } from "bun:test";
import type { UserExport } from "../../src/me/data";
import { Client, makeApp } from "../helpers/app";
import { studentWithWork } from "./student";

const t = makeApp();
afterAll(() => t.close());

describe("GET /api/me/export", () => {
  test("a JSON download of the user's account, points, completions and every submission", async () => {
    const s = await studentWithWork(t, { account: true });
    const other = await studentWithWork(t, { account: true });
    const res = await s.c.request("/api/me/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="pypractice-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = await res.text();
    const data = JSON.parse(text) as UserExport;
    expect(data.userId).toBe(s.userId);
    expect(data.account).toMatchObject({
      name: "Ada Student",
      email: `${s.userId}@example.edu`,
      issuer: "https://idp.example",
      subject: `sub-${s.userId}`,
    });
    expect(Date.parse(data.account!.createdAt)).toBeGreaterThan(0);
    expect(Date.parse(data.account!.lastSignInAt)).toBeGreaterThan(0);
    expect(data.points).toBe(100);
    expect(data.completions).toEqual([
      { assignment: { id: s.first, slug: "hello", title: "Hello" }, completedAt: expect.any(String), submissionId: s.solved },
    ]);
    expect(data.submissions.map((x) => [x.id, x.assignment.id, x.code, x.status, x.outcome, x.pointsAwarded])).toEqual([
      [s.solved, s.first, s.solvedCode, "graded", "passed", true],
      [s.failed, s.second, s.failedCode, "graded", "failed", false],
    ]);
    expect(data.submissions[0]!.output).toBe(`printed by ${s.userId}`);
    expect(data.submissions[1]!.tests).toEqual([
      { name: "test_add", passed: false, message: "add(1, 2) should be 3", expected: "3", actual: "None" },
    ]);
    for (const x of data.submissions) {
      expect(Date.parse(x.createdAt)).toBeGreaterThan(0);
      expect(Date.parse(x.gradedAt!)).toBeGreaterThan(0);
    }
    // Nothing of the other student: not their id, code, output or account.
    for (const theirs of [other.userId, other.solvedCode, other.failedCode, `${other.userId}@example.edu`]) {
      expect(text).not.toContain(theirs);
    }
    // The export is the record, not the cached answers: the same as /api/me says.
    expect(((await (await s.c.json("/api/me")).json()) as { points: number }).points).toBe(data.points);
  });

  test("an anonymous user without an account gets their work and account: null", async () => {
    const s = await studentWithWork(t);
    const data = (await (await s.c.request("/api/me/export")).json()) as UserExport;
    expect(data.account).toBeNull();
    expect(data.submissions).toHaveLength(2);
  });

  test("a new visitor gets an empty record and a cookie", async () => {
    const res = await Client.forApp(t.app).request("/api/me/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toContain("uid=");
    const data = (await res.json()) as UserExport;
    expect(data).toMatchObject({ account: null, points: 0, completions: [], submissions: [] });
  });

  test("the assignments list links the download and the deletion", async () => {
    const body = await (await Client.forApp(t.app).request("/assignments")).text();
    expect(body).toContain('href="/api/me/export"');
    expect(body).toContain('href="/me/delete"');
  });
});
