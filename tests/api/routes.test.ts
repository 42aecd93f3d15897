// Every status code of the contract, through app.handle (no port, no grader).
import { afterAll, describe, expect, test } from "bun:test";
import { eq } from "drizzle-orm";
import { submissions } from "../../src/db/schema";
import { signUserId } from "../../src/identity/cookie";
import { Client, firstAssignment, makeApp, unique } from "../helpers/app";
import { gradeByHand } from "../helpers/grading";

const t = makeApp();
afterAll(() => t.close());
const client = () => Client.forApp(t.app);

async function firstAssignmentId() {
  return (await firstAssignment(t.app)).id;
}

/** Grades a queued submission the way a grader would, without sandbox. */
async function finish(id: number, outcome: "passed" | "failed") {
  await gradeByHand(t.ctx.db, id, { outcome, message: outcome });
}

describe("identity", () => {
  test("a new visitor gets a signed HttpOnly SameSite=Lax cookie, kept on later requests", async () => {
    const c = client();
    const first = await c.json("/api/me");
    const setCookie = first.headers.get("set-cookie")!;
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    const me = (await first.json()) as { userId: string };
    const again = await c.json("/api/me");
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(((await again.json()) as { userId: string }).userId).toBe(me.userId);
  });

  test("a forged or damaged cookie is treated as no cookie", async () => {
    const victim = crypto.randomUUID();
    for (const cookie of [`uid=${victim}.forged`, `uid=${signUserId("another secret", victim)}`, "uid=garbage", `uid=${victim}`]) {
      const res = await t.app.handle(new Request("http://localhost/api/me", { headers: { cookie } }));
      const body = (await res.json()) as { userId: string };
      expect(body.userId).not.toBe(victim);
      expect(res.headers.get("set-cookie")).toContain("uid=");
    }
  });
});

describe("assignments", () => {
  test("GET /api/assignments lists them in order with solved flags", async () => {
    const res = await client().json("/api/assignments");
    expect(res.status).toBe(200);
    const list = (await res.json()) as { id: number; slug: string; title: string; order: number; solved: boolean }[];
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(list[0]).toMatchObject({ slug: "hello", title: "Hello", order: 1, solved: false });
    expect(list.map((a) => a.order)).toEqual([...list.map((a) => a.order)].sort((a, b) => a - b));
  });

  test("GET /api/assignments/:id has the handout and starter, never the reference or tests", async () => {
    const id = await firstAssignmentId();
    const res = await client().json(`/api/assignments/${id}`);
    expect(res.status).toBe(200);
    const a = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual([
      "handout",
      "hint",
      "id",
      "module",
      "order",
      "secondHint",
      "slug",
      "solved",
      "starterCode",
      "title",
    ]);
    expect(a.handout).toContain("hello");
  });

  test("unknown, malformed and out-of-range ids are 404 with a message", async () => {
    for (const id of ["999999", "abc", "-1", "0", "99999999999", "1.5"]) {
      const res = await client().json(`/api/assignments/${id}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/not found/);
    }
  });
});

describe("POST /api/assignments/:id/submissions", () => {
  test("202 with a queued Submission and its position", async () => {
    const res = await client().submit(await firstAssignmentId(), unique("def hello():\n    return 'Hello'"));
    expect(res.status).toBe(202);
    const s = (await res.json()) as Record<string, unknown>;
    expect(s).toMatchObject({
      status: "queued",
      outcome: null,
      correct: false,
      pointsAwarded: false,
      reused: false,
      tests: [],
      output: "",
    });
    expect(typeof s.position).toBe("number");
    for (const key of ["id", "assignmentId", "createdAt", "gradedAt"]) expect(s).toHaveProperty(key);
  });

  test("404 for an unknown assignment", async () => {
    const res = await client().submit(999999, unique("x = 1"));
    expect(res.status).toBe(404);
  });

  test("409 while the user already has a submission queued or grading", async () => {
    const c = client();
    const id = await firstAssignmentId();
    expect((await c.submit(id, unique("x = 1"))).status).toBe(202);
    const res = await c.submit(id, unique("x = 2"));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toContain("Wait for its result");
  });

  test("413 for a body over the limit", async () => {
    const res = await client().submit(await firstAssignmentId(), "x".repeat(300 * 1024));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain("larger than the limit");
  });

  test("415 when the body is not JSON", async () => {
    const id = await firstAssignmentId();
    for (const headers of [{ "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }, {}] as Record<
      string,
      string
    >[]) {
      const res = await client().request(`/api/assignments/${id}/submissions`, { method: "POST", headers, body: "code=x" });
      expect(res.status).toBe(415);
    }
  });

  test("400 for malformed JSON", async () => {
    const res = await client().request(`/api/assignments/${await firstAssignmentId()}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{code:",
    });
    expect(res.status).toBe(400);
  });

  test("422 for empty, blank, missing, non-string, NUL, non-UTF-8 and oversized code", async () => {
    const id = await firstAssignmentId();
    const path = `/api/assignments/${id}/submissions`;
    const bodies: BodyInit[] = [
      JSON.stringify({ code: "" }),
      JSON.stringify({ code: "   \n\t " }),
      JSON.stringify({}),
      JSON.stringify({ code: 42 }),
      JSON.stringify([]),
      JSON.stringify({ code: "x = 1\u0000" }),
      '{"code": "\\ud800"}',
      new Uint8Array([...new TextEncoder().encode('{"code": "x = '), 0xff, 0xfe, ...new TextEncoder().encode('"}')]),
      JSON.stringify({ code: "x".repeat(70 * 1024) }),
    ];
    for (const body of bodies) {
      const res = await client().request(path, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect({ body: String(body).slice(0, 30), status: res.status }).toEqual({ body: String(body).slice(0, 30), status: 422 });
      expect(((await res.json()) as { error: string }).error.length).toBeGreaterThan(10);
    }
  });

  test("429 past the per-user rate limit, with Retry-After", async () => {
    const limited = makeApp({ SUBMISSIONS_PER_MINUTE: "2" });
    try {
      const c = Client.forApp(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 2; i++) statuses.push((await c.submit(999999, "x")).status); // every request counts
      const ok = await c.submit(await firstAssignmentId(), unique("x = 1"));
      expect(ok.status).toBe(429);
      expect(Number(ok.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  test("identical code already graded is answered at once: graded and reused", async () => {
    const id = await firstAssignmentId();
    const code = `def hello():\n    return 'Hello'  # ${crypto.randomUUID()}\n`;
    const first = client();
    const s1 = (await (await first.submit(id, code)).json()) as { id: number };
    await finish(s1.id, "passed");
    const second = client();
    const res = await second.submit(id, code);
    expect(res.status).toBe(202);
    const s2 = (await res.json()) as Record<string, unknown>;
    expect(s2).toMatchObject({ status: "graded", outcome: "passed", correct: true, reused: true, pointsAwarded: true });
    // Reused again by the same user: correct, but no second award.
    const again = (await (await second.submit(id, code)).json()) as Record<string, unknown>;
    expect(again).toMatchObject({ reused: true, correct: true, pointsAwarded: false });
    const me = (await (await second.json("/api/me")).json()) as { points: number; solved: number[] };
    expect(me).toMatchObject({ points: 100, solved: [id] });
  });

  test("changed tests make an old result unusable (the test version is in the reuse key)", async () => {
    const id = await firstAssignmentId();
    const code = `def hello():\n    return 'Hello'  # ${crypto.randomUUID()}\n`;
    const c = client();
    const s1 = (await (await c.submit(id, code)).json()) as { id: number };
    await finish(s1.id, "passed");
    await t.ctx.db.update(submissions).set({ testVersion: "old" }).where(eq(submissions.id, s1.id));
    const s2 = (await (await client().submit(id, code)).json()) as Record<string, unknown>;
    expect(s2).toMatchObject({ status: "queued", reused: false });
  });
});

describe("submissions", () => {
  test("GET /api/submissions/:id: 200 for the owner, 404 for anyone else and for unknown ids", async () => {
    const owner = client();
    const s = (await (await owner.submit(await firstAssignmentId(), unique("x = 1"))).json()) as { id: number };
    expect((await owner.json(`/api/submissions/${s.id}`)).status).toBe(200);
    const other = client();
    expect((await other.json(`/api/submissions/${s.id}`)).status).toBe(404);
    expect((await other.json(`/api/submissions/${s.id}/events`)).status).toBe(404);
    expect((await owner.json("/api/submissions/99999999")).status).toBe(404);
    expect((await owner.json("/api/submissions/nope/events")).status).toBe(404);
  });

  test("the event stream starts with the current state and ends after the final one", async () => {
    const c = client();
    const s = (await (await c.submit(await firstAssignmentId(), unique("x = 1"))).json()) as { id: number };
    await finish(s.id, "failed");
    const res = await c.json(`/api/submissions/${s.id}/events`);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const text = await res.text(); // ends: the server closes after the final state
    const events = text.split("\n\n").filter((e) => e.includes("event: status"));
    expect(events.length).toBe(1);
    expect(events[0]).toContain("id: 1");
    const data = JSON.parse(
      events[0]!
        .split("\n")
        .find((l) => l.startsWith("data: "))!
        .slice(6),
    );
    expect(data).toMatchObject({ id: s.id, status: "graded", outcome: "failed" });
  });

  test("GET /api/me: points derived from completions", async () => {
    const c = client();
    const res = await c.json("/api/me");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ points: 0, solved: [] });
  });
});

describe("health", () => {
  test("200 when Postgres and Redis answer", async () => {
    const res = await client().json("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  test("503 when Redis does not answer", async () => {
    const broken = makeApp({ REDIS_URL: "redis://127.0.0.1:1" });
    broken.ctx.redis.on("error", () => {});
    try {
      const res = await Client.forApp(broken.app).json("/health");
      expect(res.status).toBe(503);
    } finally {
      await broken.close();
    }
  });
});

describe("queue position", () => {
  test("while queued, position counts the submissions ahead (first in, first out)", async () => {
    const id = await firstAssignmentId();
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push((await (await client().submit(id, unique("x = 1"))).json()) as { position: number });
    }
    const [a, b, c] = created.map((s) => s.position);
    expect(b).toBe(a! + 1);
    expect(c).toBe(a! + 2);
  });
});
