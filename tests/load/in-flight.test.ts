// The in-flight bound (DATABASE_MAX_IN_FLIGHT) as Postgres sees it: with the submissions
// table locked, 100 concurrent status requests pile up, and pg_stat_activity counts how
// many of their queries reached Postgres. Bounded: exactly the bound; unbounded: the pool.
import { afterAll, expect, test } from "bun:test";
import postgres from "postgres";
import { Client, firstAssignment, makeApp, unique } from "../helpers/app";

const admin = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
afterAll(() => admin.end());

/** Statements of the app waiting for a lock on submissions, right now. */
async function waiting(): Promise<number> {
  const [row] = await admin`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'
      and query like '%from submissions where id%'`;
  return row!.n as number;
}

/** A visitor of `app` with one submission. */
async function oneSubmission(app: ReturnType<typeof makeApp>["app"]) {
  const client = Client.forApp(app);
  const { id: aid } = await firstAssignment(client);
  const { id } = (await (await client.submit(aid, unique("print('hi')"))).json()) as { id: number };
  return { client, id };
}

/** Locks the submissions table (every query of it waits) until `unlock()`; `holder` ends then. */
async function lockSubmissions() {
  let unlock!: () => void;
  const unlocked = new Promise<void>((resolve) => (unlock = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = admin.begin(async (tx) => {
    await tx`lock table submissions in access exclusive mode`;
    locked();
    await unlocked;
  });
  await isLocked;
  return { unlock, holder };
}

/** Most statements seen waiting at once while 100 requests are held up by a table lock. */
async function peakWhileLocked(env: Record<string, string>, expected: number): Promise<number> {
  const t = makeApp(env);
  try {
    const { client, id } = await oneSubmission(t.app);
    const { unlock, holder } = await lockSubmissions();

    const requests = Array.from({ length: 100 }, () => client.json(`/api/submissions/${id}`));
    // Wait until the expected number have reached Postgres, then watch a little longer: no more come.
    let peak = 0;
    for (let i = 0; i < 500 && peak < expected; i++) {
      peak = Math.max(peak, await waiting());
      if (peak < expected) await Bun.sleep(20);
    }
    for (let i = 0; i < 10; i++) {
      peak = Math.max(peak, await waiting());
      await Bun.sleep(20);
    }
    unlock();
    await holder;
    const statuses = await Promise.all(requests.map(async (r) => (await r).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
    return peak;
  } finally {
    await t.close();
  }
}

test("with DATABASE_MAX_IN_FLIGHT=3 and a pool of 10, at most 3 queries reach Postgres at once", async () => {
  expect(await peakWhileLocked({ DATABASE_POOL_SIZE: "10", DATABASE_MAX_IN_FLIGHT: "3" }, 3)).toBe(3);
}, 30_000);

test("without the bound (0), the same requests fill the whole pool of 10", async () => {
  expect(await peakWhileLocked({ DATABASE_POOL_SIZE: "10", DATABASE_MAX_IN_FLIGHT: "0" }, 10)).toBe(10);
}, 30_000);

test("by default every connection of the pool is used (the bound is ten per connection)", async () => {
  expect(await peakWhileLocked({ DATABASE_POOL_SIZE: "4" }, 4)).toBe(4);
}, 30_000);

test("when Postgres hangs, the requests that never got a turn answer 503 in words after DATABASE_QUEUE_WAIT_MS", async () => {
  const t = makeApp({ DATABASE_POOL_SIZE: "2", DATABASE_MAX_IN_FLIGHT: "2", DATABASE_QUEUE_WAIT_MS: "300" });
  try {
    const { client, id } = await oneSubmission(t.app);
    const { unlock, holder } = await lockSubmissions();
    const t0 = performance.now();
    // Two reach Postgres and wait on the lock; the other eight wait for a turn and give up.
    const answered: Response[] = [];
    let eight!: () => void;
    const eightAnswered = new Promise<void>((resolve) => (eight = resolve));
    const requests = Array.from({ length: 10 }, () =>
      client.json(`/api/submissions/${id}`).then((r) => {
        if (answered.push(r) === 8) eight();
        return r;
      }),
    );
    await eightAnswered;
    const waited = performance.now() - t0;
    const early = answered.slice();
    expect(early.map((r) => r.status)).toEqual(Array(8).fill(503));
    expect(((await early[0]!.json()) as { error: string }).error).toContain("database is not answering");
    expect(early[0]!.headers.get("retry-after")).toBeTruthy();
    expect(waited).toBeGreaterThanOrEqual(290);
    unlock();
    await holder;
    const all = await Promise.all(requests);
    expect(all.filter((r) => !early.includes(r)).map((r) => r.status)).toEqual([200, 200]);
    expect((await client.json(`/api/submissions/${id}`)).status).toBe(200); // and the next one goes through
  } finally {
    await t.close();
  }
}, 30_000);
