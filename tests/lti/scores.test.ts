// Assignment and Grade Services end to end: a real web process (whose score loop sends), a
// real grader, and the test platform as the LMS (token endpoint verifying our assertion
// against our JWKS over HTTP, score endpoint keeping a gradebook). A first solve reaches the
// gradebook once; a resend is harmless; a 500 is retried; an LMS that is down ends in
// "failed" with the error in words on the staff page, and a resend then works.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { appsForThisFile, Client, unique } from "../helpers/app";
import { finalState } from "../helpers/events";
import { filesOf } from "../helpers/grading";
import { ROLE, startPlatform, type TestPlatform } from "../helpers/lti-platform";
import { freePort, type Proc, startGrader, startWeb } from "../helpers/processes";
import { clientFor, STAFF_EMAIL, staffClient } from "../staff/fixtures";
import { launch, ltiDatabase, register } from "./helpers";

const env = {
  ...(await ltiDatabase()),
  REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? "pp-"}ags-${crypto.randomUUID().slice(0, 6)}:`,
  STAFF_EMAILS: STAFF_EMAIL,
  LTI_SCORE_BACKOFF_MS: "200",
  LTI_SCORE_SWEEP_SECONDS: "1",
  LTI_SCORE_MAX_ATTEMPTS: "3",
};
const apps = appsForThisFile();
const local = apps(env); // the staff pages, in-process, on the same database and Redis
const port = freePort();
const url = `http://127.0.0.1:${port}`;
let web: Proc;
let grader: Proc;
let p: TestPlatform;

beforeAll(async () => {
  [web, grader] = await Promise.all([startWeb(port, env), startGrader(env)]);
  p = await startPlatform(url);
  await register(local.ctx, p);
}, 60_000);
afterAll(async () => {
  p?.close();
  await Promise.all([web?.stop(), grader?.stop()]);
});

const hello = filesOf("hello").referenceCode;
const helloId = async () => (await local.ctx.cache.catalog.get()).rows.find((a) => a.slug === "hello")!.id;

/** A learner launched from a link with a line item, at the real web process. */
async function student(lineItem = `li-${crypto.randomUUID().slice(0, 8)}`) {
  const c = Client.forUrl(url);
  const sub = `s-${crypto.randomUUID()}`;
  const res = await launch(c, p, {
    user: { sub, name: "Sam Student", roles: [ROLE.learner] },
    slug: "hello",
    resourceLinkId: `link-${lineItem}`,
    claims: p.agsClaims(lineItem),
  });
  expect(res.status).toBe(303);
  const [row] = await local.ctx.sql<{ user_id: string }[]>`select user_id from accounts where subject = ${sub}`;
  return { c, sub, lineItem, userId: row!.user_id };
}

async function solve(c: Client) {
  const res = await c.submit(await helloId(), unique(hello));
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: number };
  expect((await finalState(c, id)).outcome).toBe("passed");
}

async function until<T>(what: string, read: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(100);
  }
}

const scoreRow = async (userId: string) =>
  (await local.ctx.sql`select id, state, attempts, last_error, sent_at, solved_at from lti_scores where user_id = ${userId}`)[0];
const sentTo = (s: { sub: string; lineItem: string }) => p.scores.filter((x) => x.lineItem === s.lineItem && x.body.userId === s.sub);
const resend = (c: Client, userId: string, id: number, headers: Record<string, string> = {}) =>
  c.request(`/staff/students/${userId}/scores/${id}/resend`, { method: "POST", headers: { "sec-fetch-site": "same-origin", ...headers } });

describe("grade passback", () => {
  test("a first solve reaches the LMS's gradebook once: 100/100, Completed, FullyGraded, at the solve time", async () => {
    const s = await student();
    await solve(s.c);
    const row = await until("the score sent", async () => ((await scoreRow(s.userId))?.state === "sent" ? scoreRow(s.userId) : undefined));
    expect(row).toMatchObject({ state: "sent", attempts: 1, last_error: null });
    const [sent] = sentTo(s);
    expect(sent!.body).toEqual({
      userId: s.sub,
      scoreGiven: 100,
      scoreMaximum: 100,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: new Date(row!.solved_at).toISOString(),
    });
    // A second correct submission owes nothing more.
    await solve(s.c);
    await Bun.sleep(1500);
    expect(sentTo(s)).toHaveLength(1);

    // Staff see it sent and may resend: the same score again, the gradebook unchanged.
    const { client } = await staffClient(local);
    const page = await (await client.request(`/staff/students/${s.userId}`)).text();
    expect(page).toContain('data-state="sent"');
    expect(page).toContain("in the LMS&#39;s gradebook");
    const before = structuredClone(p.gradebook.get(`${s.lineItem}|${s.sub}`));
    expect((await resend(client, s.userId, row!.id)).status).toBe(303);
    await until("the resend", () => sentTo(s).length === 2);
    expect(sentTo(s)[1]!.body).toEqual(sentTo(s)[0]!.body);
    expect(p.gradebook.get(`${s.lineItem}|${s.sub}`)).toEqual(before!);
    await until("sent again", async () => (await scoreRow(s.userId))?.state === "sent");
  }, 60_000);

  test("the LMS answering 500 once: retried after a backoff, then sent", async () => {
    const s = await student();
    p.failScores(500);
    await solve(s.c);
    const row = await until("the score sent", async () => ((await scoreRow(s.userId))?.state === "sent" ? scoreRow(s.userId) : undefined));
    expect(row!.attempts).toBe(2);
    expect(sentTo(s)).toHaveLength(1);
    expect(p.tokenRequests()).toBe(1); // the access token is cached until shortly before it expires
  }, 60_000);

  test("the LMS down: given up after the tries with the error in words on the staff pages; a resend then works", async () => {
    const s = await student();
    p.down();
    try {
      await solve(s.c);
      const row = await until("the score failed", async () =>
        (await scoreRow(s.userId))?.state === "failed" ? scoreRow(s.userId) : undefined,
      );
      expect(row!.attempts).toBe(3);
      expect(row!.last_error).toContain("could not be reached");
      const { client } = await staffClient(local);
      const page = await (await client.request(`/staff/students/${s.userId}`)).text();
      expect(page).toContain('data-testid="lms-error"');
      expect(page).toContain("could not be reached");
      const table = await (await client.request("/staff")).text();
      expect(table).toContain('data-lms="failed"');

      // hostile: the student, and another site's page, cannot resend
      expect((await resend(clientFor(local, s.userId), s.userId, row!.id)).status).toBe(403);
      expect((await resend(client, s.userId, row!.id, { "sec-fetch-site": "cross-site" })).status).toBe(403);
      expect((await resend(client, s.userId, 999_999_999)).status).toBe(404);

      p.up();
      expect((await resend(client, s.userId, row!.id)).status).toBe(303);
      await until("sent after the resend", async () => (await scoreRow(s.userId))?.state === "sent");
      expect(sentTo(s)).toHaveLength(1);
    } finally {
      p.up();
    }
  }, 60_000);
});
