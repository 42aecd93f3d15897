// GET/POST /me/delete: the confirmation page, the delete in one go, the fresh cookie, and
// every refusal leaving everything as it was.
import { afterAll, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { createApp } from "../../src/app";
import { closeContext, createContext } from "../../src/context";
import { accounts, completions, submissions } from "../../src/db/schema";
import type { UserExport } from "../../src/me/data";
import { EventHub } from "../../src/submissions/hub";
import { Client, makeApp, testConfig, unique } from "../helpers/app";
import { studentWithWork, type TestApp } from "./student";

const t = makeApp();
afterAll(() => t.close());

const form = (body: string, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  body,
});
const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** The rows stored under a user id, counted in Postgres. */
async function stored(app: TestApp, userId: string) {
  const [s, c, a] = await Promise.all([
    app.ctx.db.select().from(submissions).where(eq(submissions.userId, userId)),
    app.ctx.db.select().from(completions).where(eq(completions.userId, userId)),
    app.ctx.db.select().from(accounts).where(eq(accounts.userId, userId)),
  ]);
  return { submissions: s.length, completions: c.length, accounts: a.length };
}
const everything = { submissions: 2, completions: 1, accounts: 1 };
const nothing = { submissions: 0, completions: 0, accounts: 0 };

const pointsOf = async (c: Client) => ((await (await c.json("/api/me")).json()) as { userId: string; points: number }).points;

describe("GET /me/delete", () => {
  test("says what will be deleted and asks for confirmation in a form, without inline script", async () => {
    const s = await studentWithWork(t, { account: true });
    const res = await s.c.request("/me/delete");
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("2 submissions");
    expect(body).toContain("1 solved assignment (100 points)");
    expect(body).toContain("your sign-in account");
    expect(body).toMatch(/<form method="post" action="\/me\/delete"/);
    expect(body).toMatch(/<input type="checkbox" name="confirm" value="yes" required>/);
    expect(body).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(body).not.toMatch(/\son[a-z]+=/);
  });
});

describe("POST /me/delete", () => {
  test("without the confirmation: 4xx with a sentence, nothing deleted, same user", async () => {
    const s = await studentWithWork(t, { account: true });
    const cookie = s.c.cookie;
    const refusals: [RequestInit, number][] = [
      [form(""), 422],
      [form("confirm=no"), 422],
      [json({}), 422],
      [json({ confirm: "true" }), 422],
      [json({ confirm: 1 }), 422],
      [json(null), 422],
      [{ ...json({}), body: "{confirm" }, 400],
      [{ method: "POST", headers: { "content-type": "text/plain" }, body: "confirm=yes" }, 415],
    ];
    for (const [init, status] of refusals) {
      const res = await s.c.request("/me/delete", init);
      expect(res.status).toBe(status);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.text()).toContain("Nothing was deleted");
    }
    expect(s.c.cookie).toBe(cookie);
    expect(await stored(t, s.userId)).toEqual(everything);
    expect(await pointsOf(s.c)).toBe(100);
  });

  test("confirmed by the form: everything gone in one go, a new anonymous cookie, the old id has nothing", async () => {
    const s = await studentWithWork(t, { account: true });
    const old = s.c.cookie;
    // Warm this process's caches for the old id: points and the assignment page.
    expect(await pointsOf(s.c)).toBe(100);
    expect((await s.c.request(`/assignments/${s.first}`)).status).toBe(200);
    expect((await s.c.request(`/assignments/${s.first}`)).status).toBe(200);

    const res = await s.c.request("/me/delete", form("confirm=yes"));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("Your data was deleted");
    expect(body).toContain("2 submissions, 1 solved assignment and your sign-in account");
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^uid=[0-9a-f-]{36}\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=31536000$/);
    expect(s.c.cookie).not.toBe(old);
    expect(await stored(t, s.userId)).toEqual(nothing);

    // The browser is now someone new, with nothing.
    const me = (await (await s.c.json("/api/me")).json()) as { userId: string; points: number };
    expect(me.userId).not.toBe(s.userId);
    expect(me.points).toBe(0);

    // The old cookie's user: no points (not even cached ones), an empty export, an empty page.
    const oldClient = Client.forApp(t.app);
    oldClient.cookie = old;
    expect(await pointsOf(oldClient)).toBe(0);
    const data = (await (await oldClient.request("/api/me/export")).json()) as UserExport;
    expect(data).toMatchObject({ userId: s.userId, account: null, points: 0, completions: [], submissions: [] });
    const page = await (await oldClient.request(`/assignments/${s.first}`)).text();
    expect(page).not.toContain(s.solvedCode.split("\n# ")[1]!.trim());
    expect(page).toMatch(/data-testid="points">0</);
  });

  test('confirmed by JSON {"confirm": true}: JSON with the counts and the new id', async () => {
    const s = await studentWithWork(t);
    const res = await s.c.request("/me/delete", json({ confirm: true }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { deleted: unknown; userId: string };
    expect(body.deleted).toEqual({ submissions: 2, completions: 1, account: false });
    expect(body.userId).not.toBe(s.userId);
    expect(((await (await s.c.json("/api/me")).json()) as { userId: string }).userId).toBe(body.userId);
    expect(await stored(t, s.userId)).toEqual(nothing);
  });

  test("another web process drops its cached answers for the deleted user too", async () => {
    const other = makeApp();
    try {
      const s = await studentWithWork(t);
      const there = Client.forApp(other.app);
      there.cookie = s.c.cookie;
      expect(await pointsOf(there)).toBe(100); // cached in the other process
      expect((await s.c.request("/me/delete", form("confirm=yes"))).status).toBe(200);
      let points = 100;
      for (let i = 0; i < 50 && points !== 0; i++) {
        await Bun.sleep(20);
        points = await pointsOf(there);
      }
      expect(points).toBe(0);
    } finally {
      await other.close();
    }
  });

  test("the deleting process drops its own cached answers at once, not only on Redis's message", async () => {
    // An app whose hub never touches its caches: only the delete itself can drop them.
    const ctx = createContext(testConfig(), "test");
    const hub = new EventHub(ctx.config.redisUrl, ctx.keys);
    try {
      const app = createApp(ctx, hub);
      const c = Client.forApp(app);
      const s = await studentWithWork({ app, ctx, hub, config: ctx.config, close: async () => {} });
      c.cookie = s.c.cookie;
      expect(await pointsOf(c)).toBe(100);
      expect((await c.request(`/assignments/${s.first}`)).status).toBe(200); // the warm page
      expect((await s.c.request("/me/delete", form("confirm=yes"))).status).toBe(200);
      expect(await pointsOf(c)).toBe(0);
      expect(ctx.cache.users.peek(s.userId, `page:${s.first}`)).toBeUndefined();
    } finally {
      hub.close();
      await closeContext(ctx);
    }
  });

  test("refused with 409 while a submission is queued or grading; nothing deleted", async () => {
    const s = await studentWithWork(t, { account: true });
    const pending = (await (await s.c.submit(s.first, unique("def hello():\n    return 'Hello'"))).json()) as { id: number };
    for (const status of ["queued", "grading"] as const) {
      await t.ctx.db.update(submissions).set({ status }).where(eq(submissions.id, pending.id));
      const res = await s.c.request("/me/delete", form("confirm=yes"));
      expect(res.status).toBe(409);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.text()).toContain("still waiting to be graded or being graded, so nothing was deleted");
      const viaJson = await s.c.request("/me/delete", json({ confirm: true }));
      expect(viaJson.status).toBe(409);
      expect(((await viaJson.json()) as { error: string }).error).toContain("nothing was deleted");
      expect(await stored(t, s.userId)).toEqual({ ...everything, submissions: 3 });
    }
    expect(await pointsOf(s.c)).toBe(100);
  });

  test("a cross-site POST is refused with 403 and deletes nothing", async () => {
    const s = await studentWithWork(t, { account: true });
    const crossSite: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "http://evil.example" },
      { origin: "null" },
    ];
    for (const headers of crossSite) {
      const res = await s.c.request("/me/delete", form("confirm=yes", headers));
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    expect(await stored(t, s.userId)).toEqual(everything);
    // The same request from our own page goes through.
    expect((await s.c.request("/me/delete", form("confirm=yes", { "sec-fetch-site": "same-origin" }))).status).toBe(200);
    expect(await stored(t, s.userId)).toEqual(nothing);
  });

  test("a new visitor confirming gets a fresh cookie and nothing is touched", async () => {
    const res = await Client.forApp(t.app).request("/me/delete", json({ confirm: true }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { deleted: unknown }).deleted).toEqual({ submissions: 0, completions: 0, account: false });
  });
});
