// Warm assignment pages: answered from memory (before routing) exactly as the route renders
// them, and never when anything on the page could differ.
import { afterAll, expect, test } from "bun:test";
import { createHandler } from "../../src/app";
import { closeContext, createContext } from "../../src/context";
import { signUserId } from "../../src/identity/cookie";
import { observed } from "../../src/observe/http";
import { HttpMetrics } from "../../src/observe/metrics";
import { EventHub } from "../../src/submissions/hub";
import { firstAssignment, testConfig, unique } from "../helpers/app";

const NEW = "a-new-secret-of-enough-length";
const OLD = "an-old-secret-of-enough-length";

function stack(env: Record<string, string> = {}) {
  const ctx = createContext(testConfig(env), "test");
  const hub = new EventHub(ctx.config.redisUrl, ctx.keys, ctx.cache);
  const http = new HttpMetrics();
  const handler = createHandler(ctx, hub, http);
  const lines: Record<string, unknown>[] = [];
  const log = { ...ctx.log, info: (msg: string, fields = {}) => lines.push({ msg, ...fields }) };
  const serve = observed(handler.fetch, log, http);
  const peer = { requestIP: () => ({ address: "127.0.0.1" }) };
  return {
    ctx,
    http,
    lines,
    handler,
    /** through the web process's own handler (request wrapper, then memory or the app) */
    send: async (path: string, headers: Record<string, string> = {}, method = "GET") =>
      serve(new Request(`http://localhost${path}`, { method, headers }), peer),
    close: async () => {
      hub.close();
      await closeContext(ctx);
    },
  };
}

const s = stack();
const rotated = stack({ SESSION_SECRET: `${NEW},${OLD}` });
afterAll(() => Promise.all([s.close(), rotated.close()]));

const firstId = async () => (await firstAssignment(s.handler.app)).id;

/** A returning visitor: a cookie the process has verified, and its page rendered once. */
async function returning(t = s, id?: number) {
  const page = `/assignments/${id ?? (await firstId())}`;
  const cookie = (await t.send(page)).headers.get("set-cookie")!.split(";")[0]!;
  await t.send(page, { cookie });
  return { page, cookie };
}

function headersOf(res: Response) {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== "x-request-id" && name !== "date") out[name] = value;
  });
  return out;
}

test("a warm page comes from memory with the same status, headers and body as the route's", async () => {
  const { page, cookie } = await returning();
  const request = () => new Request(`http://localhost${page}`, { headers: { cookie } });
  expect(s.handler.warm.answer(request())).toBeInstanceOf(Response);
  const fromRoute = await s.handler.app.handle(new Request(`http://localhost${page}?from=x`, { headers: { cookie } }));
  for (const warm of [await s.send(page, { cookie }), await s.handler.app.handle(request())]) {
    expect(warm.status).toBe(200);
    expect(headersOf(warm)).toEqual(headersOf(fromRoute));
    expect(await warm.text()).toBe(await fromRoute.clone().text());
  }
  expect(headersOf(fromRoute)).toMatchObject({
    "content-security-policy": expect.stringContaining("default-src 'none'"),
    "x-frame-options": "DENY",
  });
});

test("from memory too: the request id, the log line and the metrics", async () => {
  const { page, cookie } = await returning();
  const res = await s.send(page, { cookie, "x-request-id": "warm-123" });
  expect(res.headers.get("x-request-id")).toBe("warm-123");
  expect(s.lines.at(-1)).toMatchObject({ msg: "request", request: "warm-123", method: "GET", path: page, status: 200 });
  expect(s.http.render()).toMatch(/http_requests_total\{route="\/assignments\/:id",method="GET",status="200"\} \d+/);
});

test("revalidation from memory: 304 with the route's headers and no body", async () => {
  const { page, cookie } = await returning();
  const etag = (await s.send(page, { cookie })).headers.get("etag")!;
  const warm = await s.send(page, { cookie, "if-none-match": etag });
  const fromRoute = await s.handler.app.handle(new Request(`http://localhost${page}?x`, { headers: { cookie, "if-none-match": etag } }));
  expect(warm.status).toBe(304);
  expect(fromRoute.status).toBe(304);
  expect(await warm.text()).toBe("");
  expect(headersOf(warm)).toEqual(headersOf(fromRoute));
});

test("never from memory: other methods, a query, no or a forged cookie, an older secret", async () => {
  const { page, cookie } = await returning();
  const answer = (path: string, headers: Record<string, string>, method = "GET") =>
    s.handler.warm.answer(new Request(`http://localhost${path}`, { method, headers }));
  expect(answer(page, { cookie })).toBeDefined();
  expect(answer(page, { cookie }, "HEAD")).toBeUndefined();
  expect(answer(`${page}?from=1`, { cookie })).toBeUndefined();
  expect(answer(`${page}/`, { cookie })).toBeUndefined();
  expect(answer(page, {})).toBeUndefined();
  expect(answer(page, { cookie: cookie.slice(0, -2) + "xx" })).toBeUndefined();

  // A cookie signed by the older secret goes the ordinary way, and is re-signed there.
  const id = crypto.randomUUID();
  const old = `uid=${signUserId(OLD, id)}`;
  await rotated.send(page, { cookie: old });
  expect(rotated.handler.warm.answer(new Request(`http://localhost${page}`, { headers: { cookie: old } }))).toBeUndefined();
  const res = await rotated.send(page, { cookie: old });
  expect(res.headers.get("set-cookie")).toContain(`uid=${signUserId(NEW, id)}`);
});

test("each user their own page, and a change of the user or the catalog renders it again", async () => {
  const id = await firstId();
  const a = await returning(s, id);
  const b = await returning(s, id);
  const asked = (c: string) => s.handler.warm.answer(new Request(`http://localhost${a.page}`, { headers: { cookie: c } }));
  expect(asked(a.cookie)).toBeDefined();
  expect(asked(b.cookie)).toBeDefined();

  // A submission: pending pages are never kept (their queue position moves by itself).
  const res = await s.handler.app.handle(
    new Request(`http://localhost/api/assignments/${id}/submissions`, {
      method: "POST",
      headers: { cookie: a.cookie, "content-type": "application/json" },
      body: JSON.stringify({ code: unique("def hello():\n    return 'Hello'\n") }),
    }),
  );
  expect(res.status).toBe(202);
  expect(asked(a.cookie)).toBeUndefined();
  expect(await (await s.send(a.page, { cookie: a.cookie })).text()).toContain('data-status="queued"');
  expect(asked(a.cookie)).toBeUndefined();
  expect(asked(b.cookie)).toBeDefined(); // the other user's page is untouched
  expect(await (await s.send(b.page, { cookie: b.cookie })).text()).toContain('data-status="none"');

  s.ctx.cache.catalog.invalidate(); // e.g. assignments synced
  expect(asked(b.cookie)).toBeUndefined();
  expect((await s.send(b.page, { cookie: b.cookie })).status).toBe(200);
  expect(asked(b.cookie)).toBeDefined();
});

test("every first visit (no cookie) gets the same page, rendered again when the assignment changes", async () => {
  const id = await firstId();
  const page = `/assignments/${id}`;
  const [one, two] = [await s.send(page), await s.send(page)];
  expect(one.headers.get("set-cookie")).not.toBe(two.headers.get("set-cookie")); // two new visitors
  expect(two.headers.get("etag")).toBe(one.headers.get("etag"));
  const { title } = (await s.ctx.sql`select title from assignments where id = ${id}`)[0]!;
  try {
    await s.ctx.sql`update assignments set title = ${`${title} renamed`} where id = ${id}`;
    s.ctx.cache.catalog.invalidate(); // as a sync announces itself
    expect(await (await s.send(page)).text()).toContain(`${title} renamed`);
  } finally {
    await s.ctx.sql`update assignments set title = ${title} where id = ${id}`;
    s.ctx.cache.catalog.invalidate();
  }
});
