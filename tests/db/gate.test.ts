// src/db/gate.ts and the pool src/db/client.ts builds with it: the gate's order and bound,
// its wait limit, and the lanes against a real Postgres (least busy first, a transaction's
// lane kept for it, drizzle's parsers and serializers on every lane, end() closing them all).
// tests/load/in-flight.test.ts counts what reaches Postgres through the app, and the 503.
import { afterAll, describe, expect, test } from "bun:test";
import { sql as raw } from "drizzle-orm";
import postgres from "postgres";
import { createDb } from "../../src/db/client";
import { Gate, QueueTimeout } from "../../src/db/gate";

const URL = process.env.DATABASE_URL!;
const admin = postgres(URL, { max: 1, onnotice: () => {} });
afterAll(() => admin.end());

/** A promise with its resolve, to hold work open until the test lets it go. */
function held() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { done, release };
}

describe("Gate", () => {
  test("at most `limit` run at once, and they start in the order they came, newcomers included", async () => {
    const gate = new Gate(2, 5000);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) =>
      gate.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await Bun.sleep(15 + (i % 3) * 10);
        running--;
        return i;
      });
    // Callers keep arriving while places are handed from one waiter to the next.
    const calls: Promise<number>[] = [];
    for (let i = 0; i < 12; i++) {
      calls.push(task(i));
      await Bun.sleep(4);
    }
    expect(await Promise.all(calls)).toEqual([...Array(12).keys()]);
    expect(most).toBe(2);
    expect(started).toEqual([...Array(12).keys()]);
  });

  test("a caller that throws gets its error and frees its place", async () => {
    const gate = new Gate(1, 200);
    const boom = new Error("boom");
    await expect(gate.run(() => Promise.reject(boom))).rejects.toBe(boom);
    const t0 = performance.now();
    expect(await gate.run(async () => "next")).toBe("next");
    expect(performance.now() - t0).toBeLessThan(100); // not after a wait for a place never freed
  });

  test("a waiter without a turn after waitMs fails with QueueTimeout and never runs; running work is not cut short", async () => {
    const gate = new Gate(1, 200);
    const first = held();
    const running = gate.run(() => first.done.then(() => "first"));
    const ran: string[] = [];
    const t0 = performance.now();
    const waiters = ["b", "c"].map((name) =>
      gate
        .run(async () => void ran.push(name))
        .then(
          () => ({ name, ms: performance.now() - t0, error: undefined as unknown }),
          (error) => ({ name, ms: performance.now() - t0, error }),
        ),
    );
    const [b, c] = await Promise.all(waiters);
    for (const w of [b!, c!]) {
      expect(w.error).toBeInstanceOf(QueueTimeout);
      expect((w.error as QueueTimeout).code).toBe("QUERY_QUEUE_TIMEOUT");
      expect(w.ms).toBeGreaterThanOrEqual(195);
      expect(w.ms).toBeLessThan(1000);
    }
    first.release();
    expect(await running).toBe("first");
    expect(ran).toEqual([]);
    // The places the timed-out waiters never took are not lost.
    expect(await gate.run(async () => "later")).toBe("later");
  });

  test("a waiter whose turn comes within waitMs runs", async () => {
    const gate = new Gate(1, 400);
    const first = held();
    const running = gate.run(() => first.done);
    const waiting = gate.run(async () => "waited");
    await Bun.sleep(150);
    first.release();
    await running;
    expect(await waiting).toBe("waited");
  });
});

describe("lanes over real connections (createDb with an in-flight bound)", () => {
  const pidQuery = "select pg_backend_pid() as pid, pg_sleep($1::float8)";

  test("queries go to the least busy lane: six at once on three lanes are two per connection", async () => {
    const { sql } = createDb(URL, 3, undefined, 6);
    try {
      const rows = await Promise.all(Array.from({ length: 6 }, () => sql.unsafe(pidQuery, [0.2])));
      const perPid = new Map<number, number>();
      for (const [row] of rows) perPid.set(row!.pid, (perPid.get(row!.pid) ?? 0) + 1);
      expect([...perPid.values()]).toEqual([2, 2, 2]);
    } finally {
      await sql.end();
    }
  });

  test("the bound holds across lanes: with 2 in flight on 3 lanes, the third query waits for a turn", async () => {
    const { sql } = createDb(URL, 3, undefined, 2, 5000);
    try {
      const t0 = performance.now();
      const ends = await Promise.all(
        Array.from({ length: 3 }, () => sql.unsafe("select pg_sleep(0.3)").then(() => performance.now() - t0)),
      );
      ends.sort((a, b) => a - b);
      expect(ends[1]!).toBeLessThan(550);
      expect(ends[2]!).toBeGreaterThanOrEqual(550); // started only when one of the first two ended
    } finally {
      await sql.end();
    }
  });

  test("a lane holding a transaction takes no other query while another lane is free", async () => {
    const { sql } = createDb(URL, 2, undefined, 10);
    const tx = held();
    let txPid = 0;
    const inTx = held();
    const transaction = sql.begin(async (t) => {
      txPid = (await t`select pg_backend_pid() as pid`)[0]!.pid;
      inTx.release();
      await tx.done;
    });
    try {
      await inTx.done;
      // Were these queued behind the open transaction, they would not end before it does.
      const others = Promise.all(Array.from({ length: 3 }, () => sql.unsafe(pidQuery, [0.05])));
      const result = await Promise.race([others, Bun.sleep(3000).then(() => "stuck behind the transaction" as const)]);
      expect(result).not.toBe("stuck behind the transaction");
      const pids = (result as Awaited<typeof others>).map(([row]) => row!.pid);
      expect(pids.length).toBe(3);
      expect(pids).not.toContain(txPid);
    } finally {
      tx.release();
      await transaction;
      await sql.end();
    }
  });

  test("drizzle's value handling is on every lane: JSON parameters stay JSON, timestamps are left to drizzle", async () => {
    const { sql, db } = createDb(URL, 3, undefined, 9);
    try {
      // How results.ts writes a submission's tests: a JSON string cast to jsonb. A lane with
      // postgres.js's own serializers would encode it again, storing a string, not an array.
      const tests = JSON.stringify([{ name: "test_x", passed: true, message: "" }]);
      const read = () =>
        db.execute(raw`select pg_backend_pid() as pid, jsonb_typeof(${tests}::jsonb) as kind,
        '2024-01-02 03:04:05+00'::timestamptz as at, pg_sleep(0.1)`);
      const rows = (await Promise.all(Array.from({ length: 6 }, read))).map((r) => r[0]!);
      expect(new Set(rows.map((r) => r.pid)).size).toBe(3);
      expect(rows.map((r) => r.kind)).toEqual(Array(6).fill("array"));
      expect(rows.map((r) => typeof r.at)).toEqual(Array(6).fill("string")); // drizzle maps them itself
    } finally {
      await sql.end();
    }
  });

  test("a query that waits past DATABASE_QUEUE_WAIT_MS fails with QueueTimeout and is never sent", async () => {
    const { sql } = createDb(URL, 1, undefined, 1, 200);
    const marker = `gate-test-${crypto.randomUUID()}`;
    try {
      const slow = sql.unsafe("select pg_sleep(0.8)").then((rows) => rows); // sent now (queries are lazy)
      const t0 = performance.now();
      const error = await sql.unsafe(`select '${marker}'`).then(
        () => undefined,
        (e) => e,
      );
      expect(error).toBeInstanceOf(QueueTimeout);
      expect(performance.now() - t0).toBeLessThan(700);
      await slow;
      await Bun.sleep(100);
      // It never reached Postgres: no connection ever ran it.
      const seen =
        await admin`select count(*)::int as n from pg_stat_activity where query like ${`%${marker}%`} and pid <> pg_backend_pid()`;
      expect(seen[0]!.n).toBe(0);
    } finally {
      await sql.end();
    }
  });

  test("end() closes the connection of every lane", async () => {
    const { sql } = createDb(URL, 3, undefined, 3);
    const rows = await Promise.all(Array.from({ length: 3 }, () => sql.unsafe(pidQuery, [0.1])));
    const pids = rows.map(([row]) => row!.pid as number);
    expect(new Set(pids).size).toBe(3);
    const open = async () => (await admin`select count(*)::int as n from pg_stat_activity where pid in ${admin(pids)}`)[0]!.n as number;
    expect(await open()).toBe(3);
    await sql.end();
    for (let i = 0; i < 50 && (await open()) > 0; i++) await Bun.sleep(20);
    expect(await open()).toBe(0);
  });
});
