// The whole loop with a real web process and two real graders.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { inArray } from "drizzle-orm";
import { submissions } from "../../src/db/schema";
import { assignmentIds, Client, makeApp } from "../helpers/app";
import { graded, readEvents } from "../helpers/events";
import { freePort, type Proc, startGrader, startWeb } from "../helpers/processes";

// Real processes and real sandboxes: a time limit alone takes 5 s.
setDefaultTimeout(60_000);

const port = freePort();
const base = `http://127.0.0.1:${port}`;
let web: Proc;
let graders: Proc[] = [];
const local = makeApp();
let ids: Record<string, number> = {};

beforeAll(async () => {
  [web, ...graders] = await Promise.all([startWeb(port), startGrader(), startGrader()]);
  ids = await assignmentIds(base);
});

afterAll(async () => {
  await Promise.all([web, ...graders].filter(Boolean).map((p) => p.stop()));
  await local.close();
});

const HELLO = "def hello():\n    return 'Hello'\n";

describe("a student's loop", () => {
  test("correct → passed and +100; solving it again gives no more points", async () => {
    const c = Client.forUrl(base);
    const t0 = performance.now();
    const res = await c.submit(ids.hello!, HELLO);
    expect(res.status).toBe(202);
    const s = (await res.json()) as { id: number };
    const events = await readEvents(c, s.id);
    const final = events.at(-1)!.data;
    console.log(`time from POST to graded event: ${(events.at(-1)!.at - t0).toFixed(1)} ms`);
    expect(final).toMatchObject({ status: "graded", outcome: "passed", correct: true, pointsAwarded: true });
    expect(await (await c.json("/api/me")).json()).toMatchObject({ points: 100, solved: [ids.hello] });

    const again = (await (await c.submit(ids.hello!, `${HELLO}# second try\n`)).json()) as { id: number };
    expect(await graded(c, again.id)).toMatchObject({ outcome: "passed", correct: true, pointsAwarded: false });
    expect(await (await c.json("/api/me")).json()).toMatchObject({ points: 100 });
  });

  test("wrong → failed, with the failing test's message", async () => {
    const c = Client.forUrl(base);
    const s = (await (await c.submit(ids.sum!, "def sum(a, b):\n    return a * b\n")).json()) as { id: number };
    const final = await graded(c, s.id);
    expect(final).toMatchObject({ status: "graded", outcome: "failed", correct: false, pointsAwarded: false });
    expect(final.tests.some((t: { passed: boolean; message: string }) => !t.passed && t.message.includes("should be"))).toBe(true);
    expect(await (await c.json("/api/me")).json()).toMatchObject({ points: 0 });
  });

  test("syntax error → syntax_error", async () => {
    const c = Client.forUrl(base);
    const s = (await (await c.submit(ids.hello!, "def hello(:\n  return 'Hello'\n")).json()) as { id: number };
    expect(await graded(c, s.id)).toMatchObject({ outcome: "syntax_error", correct: false });
  });

  test("while True: pass → time_limit", async () => {
    const c = Client.forUrl(base);
    const s = (await (await c.submit(ids.hello!, "while True: pass\n")).json()) as { id: number };
    expect(await graded(c, s.id)).toMatchObject({ status: "graded", outcome: "time_limit" });
  });
});

describe("concurrency", () => {
  test("20 concurrent submissions by one user: exactly one 202 and nineteen 409", async () => {
    const c = Client.forUrl(base);
    await c.json("/api/me"); // get the cookie first
    // Whichever is accepted takes a while to grade, so it is still pending while the rest
    // arrive (graders are fast enough to finish a plain one within the burst).
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        c.submit(ids.sum!, `import time\ntime.sleep(2)\ndef sum(a, b):\n    return a + b  # ${i}\n`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 202).length).toBe(1);
    expect(statuses.filter((s) => s === 409).length).toBe(19);
  });

  test("30 submissions with two graders: each graded exactly once, both graders took part", async () => {
    const clients = Array.from({ length: 30 }, () => Client.forUrl(base));
    const created = await Promise.all(
      clients.map(async (c, i) => {
        // Each job takes a moment, so neither grader can take all 30 before the other wakes up.
        const res = await c.submit(
          ids["hello-world"]!,
          `import time\ntime.sleep(0.1)\ndef hello():\n    return 'Hello world!'  # ${i} ${crypto.randomUUID()}\n`,
        );
        expect(res.status).toBe(202);
        return ((await res.json()) as { id: number }).id;
      }),
    );
    const finals = await Promise.all(created.map((id, i) => graded(clients[i]!, id)));
    expect(finals.every((f) => f.status === "graded" && f.outcome === "passed" && f.pointsAwarded)).toBe(true);

    const rows = await local.ctx.db
      .select({ id: submissions.id, attempts: submissions.attempts })
      .from(submissions)
      .where(inArray(submissions.id, created));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);

    const gradedBy = graders.map((g) =>
      g.lines
        .filter((l) => l.includes('"msg":"graded"'))
        .map((l) => JSON.parse(l).id as number)
        .filter((id) => created.includes(id)),
    );
    const all = gradedBy.flat();
    expect(all.length).toBe(30);
    expect(new Set(all).size).toBe(30);
    expect(gradedBy.every((list) => list.length > 0)).toBe(true);
  });
});

describe("event stream", () => {
  test("the first event is the current state, then every change, ids increasing", async () => {
    const c = Client.forUrl(base);
    const s = (await (await c.submit(ids.shout!, "def shout(text):\n    return text.upper() + '!'\n")).json()) as { id: number };
    const events = await readEvents(c, s.id);
    expect(["queued", "grading", "graded"]).toContain(events[0]!.data.status);
    expect(events.at(-1)!.data.status).toBe("graded");
    const eventIds = events.map((e) => Number(e.id));
    expect(eventIds).toEqual([...eventIds].sort((a, b) => a - b));
    expect(new Set(eventIds).size).toBe(eventIds.length);
  });

  test("a stream opened after grading sends the final state and ends", async () => {
    const c = Client.forUrl(base);
    const s = (await (await c.submit(ids.hello!, "def hello():\n    return 'nope'\n")).json()) as { id: number };
    await graded(c, s.id);
    const events = await readEvents(c, s.id, 5000);
    expect(events.length).toBe(1);
    expect(events[0]!.data).toMatchObject({ id: s.id, status: "graded", outcome: "failed" });
  });
});
