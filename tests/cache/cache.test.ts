// Caches: a returning user's pages cost no Postgres query when warm, and every write
// that changes what they show is seen at once, in this process and in another one.
import { afterAll, expect, test } from "bun:test";
import { publishChange } from "../../src/queue/queue";
import { Client, firstAssignment, makeApp, unique } from "../helpers/app";
import { gradeByHand } from "../helpers/grading";

const a = makeApp();
const b = makeApp(); // a second web process, sharing Postgres and Redis
afterAll(async () => {
  await a.close();
  await b.close();
});

const queriesDuring = async (app: typeof a, fn: () => Promise<unknown>) => {
  const before = app.ctx.stats.queries;
  await fn();
  return app.ctx.stats.queries - before;
};

async function firstId() {
  return (await firstAssignment(a.app)).id;
}

test("a returning user's assignment page, list and API answers cost no query when warm", async () => {
  const id = await firstId();
  const c = Client.forApp(a.app);
  const paths = [`/assignments/${id}`, "/assignments", `/api/assignments/${id}`, "/api/assignments", "/api/me"];
  await c.request("/api/me"); // the first visit: nothing is looked up, nor kept
  for (const p of paths) expect((await c.request(p)).status).toBe(200); // warm up
  for (const p of paths) {
    expect({ path: p, queries: await queriesDuring(a, () => c.request(p).then((r) => r.text())) }).toEqual({ path: p, queries: 0 });
  }
});

test("a first visit (no cookie, or a forged one) costs no query: a new id has nothing to look up", async () => {
  const id = await firstId(); // the catalog is loaded: what is left would be per user
  const paths = [
    "/",
    "/assignments",
    `/assignments/${id}`,
    `/assignments/${id}?from=1`,
    "/api/me",
    "/api/assignments",
    `/api/assignments/${id}`,
  ];
  for (const cookie of [undefined, `uid=${crypto.randomUUID()}.forged`]) {
    for (const p of paths) {
      let res: Response | undefined;
      const queries = await queriesDuring(a, async () => {
        res = await a.app.handle(new Request(`http://localhost${p}`, { headers: cookie ? { cookie } : {} }));
        await res.clone().text();
      });
      expect({ path: p, cookie, queries }).toEqual({ path: p, cookie, queries: 0 });
      expect(res!.headers.get("set-cookie")).toStartWith("uid=");
      expect(res!.status).toBeLessThan(400);
    }
  }
  // What a first visit sees: nothing solved, no points, the starter code, no submission.
  const page = await (await a.app.handle(new Request(`http://localhost/assignments/${id}`))).text();
  expect(page).toMatch(/data-testid="points">0</);
  expect(page).toContain('data-status="none"');
  expect(page).toContain("def hello():");
  expect(await (await a.app.handle(new Request("http://localhost/api/me"))).json()).toMatchObject({ points: 0, solved: [] });
});

test("a new submission and its result show at once, in this process and in another", async () => {
  const id = await firstId();
  const onA = Client.forApp(a.app);
  await onA.request(`/assignments/${id}`);
  const onB = Client.forApp(b.app);
  onB.cookie = onA.cookie; // the same user, load-balanced to another process
  expect(await (await onB.request(`/assignments/${id}`)).text()).toContain('data-status="none"');

  const s = (await (await onA.submit(id, unique("def hello():\n    return 'Hello'\n"))).json()) as { id: number; userId?: string };
  expect(await (await onA.request(`/assignments/${id}`)).text()).toContain('data-status="queued"');
  await Bun.sleep(100); // the change message reaches process B
  expect(await (await onB.request(`/assignments/${id}`)).text()).toContain('data-status="queued"');

  // The grader's write, announced the way the grader announces it.
  const { job } = await gradeByHand(a.ctx.db, s.id, { outcome: "passed", message: "All 4 tests passed." });
  await publishChange(a.ctx.redis, a.ctx.keys, { id: s.id, userId: job.userId });
  await Bun.sleep(100);
  for (const c of [onA, onB]) {
    const page = await (await c.request(`/assignments/${id}`)).text();
    expect(page).toContain('data-status="graded"');
    expect(page).toMatch(/data-testid="points">100</);
  }
});

test("a returning user with earlier submissions: the warm page still costs no query", async () => {
  const id = await firstId();
  const c = Client.forApp(a.app);
  for (let i = 0; i < 2; i++) {
    const s = (await (await c.submit(id, unique("def hello():\n    return 'Hi'\n"))).json()) as { id: number };
    const { job } = await gradeByHand(a.ctx.db, s.id, { outcome: "failed", message: "0 of 4 tests passed." });
    await publishChange(a.ctx.redis, a.ctx.keys, { id: s.id, userId: job.userId });
    await Bun.sleep(50);
  }
  const page = await (await c.request(`/assignments/${id}`)).text();
  expect(page).toContain("earlier submissions");
  expect(await queriesDuring(a, () => c.request(`/assignments/${id}`).then((r) => r.text()))).toBe(0);
});

test("pages carry a weak ETag: revalidating an unchanged page is a 304 without body", async () => {
  const id = await firstId();
  const c = Client.forApp(a.app);
  const first = await c.request(`/assignments/${id}`);
  const etag = first.headers.get("etag")!;
  expect(etag).toMatch(/^W\/".+"$/);
  expect(first.headers.get("cache-control")).toBe("private, no-cache");
  const again = await c.request(`/assignments/${id}`, { headers: { "if-none-match": etag } });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe("");
  await c.submit(id, unique("def hello():\n    return 'Hello'\n"));
  const changed = await c.request(`/assignments/${id}`, { headers: { "if-none-match": etag } });
  expect(changed.status).toBe(200);
  expect(changed.headers.get("etag")).not.toBe(etag);
});
