// How queries reach Postgres under load. postgres.js 3.4.9 keeps its pool's connections in
// queues that only shrink back when they empty: under sustained load (more queries than
// connections, or fewer but every connection opened) they grow by one slot per query and
// every query scans them, so throughput sinks minute by minute (porsager/postgres#747;
// bench/postgres.ts shows it, figures in PERFORMANCE.md under "Postgres under load").
// A client of ONE connection never has more than one entry in those queues. So the pool is
// made of such clients ("lanes"); each query goes to the least busy lane, pipelined behind
// the queries already on it, and a gate bounds how many the process has out at once.
import type { Sql } from "postgres";

/** What a query gets that waited `waitMs` for its turn: Postgres is hung or far behind. */
export class QueueTimeout extends Error {
  readonly code = "QUERY_QUEUE_TIMEOUT"; // counted as "database unavailable" (503)
  constructor(waitMs: number) {
    super(`waited ${waitMs} ms for one of the queries out at once to finish`);
  }
}

interface Waiter {
  go(): void;
  fail(e: Error): void;
  since: number;
}

/**
 * A counting semaphore: at most `limit` callers run at once, the others wait in order, each
 * at most `waitMs`: when Postgres hangs (a frozen host, a lost network), the callers that
 * never got a turn fail instead of piling up without end.
 */
export class Gate {
  private running = 0;
  private waiting: Waiter[] = [];
  private sweeper?: ReturnType<typeof setInterval>;

  constructor(
    readonly limit: number,
    readonly waitMs = 5000,
  ) {}

  async run<T>(fn: () => PromiseLike<T>): Promise<T> {
    if (this.running >= this.limit) await this.turn();
    else this.running++;
    try {
      return await fn();
    } finally {
      // Hand the place straight to the next waiter, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next.go();
      else this.running--;
    }
  }

  private turn() {
    // One timer for all waiters (not one each): the oldest are first in line.
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.sweep(), Math.min(250, this.waitMs / 2));
      this.sweeper.unref(); // the waiters' queries keep the process alive, not this timer
    }
    return new Promise<void>((go, fail) => this.waiting.push({ go, fail, since: performance.now() }));
  }

  private sweep() {
    const now = performance.now();
    while (this.waiting.length && now - this.waiting[0]!.since >= this.waitMs) this.waiting.shift()!.fail(new QueueTimeout(this.waitMs));
    if (!this.waiting.length) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}

/** A lane holding a transaction takes other queries only when every lane holds one. */
const TRANSACTION = 1000;

export class Lanes {
  private readonly load: number[];

  constructor(
    readonly clients: Sql[],
    private readonly gate: Gate,
  ) {
    this.load = clients.map(() => 0);
  }

  run<T>(weight: number, fn: (sql: Sql) => PromiseLike<T>): Promise<T> {
    const go = async () => {
      let lane = 0;
      for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[lane]!) lane = i;
      this.load[lane]! += weight;
      try {
        return await fn(this.clients[lane]!);
      } finally {
        this.load[lane]! -= weight;
      }
    };
    return this.gate.run(go);
  }
}

/**
 * One client for drizzle over all lanes: `unsafe` (every drizzle query) and `begin` (a
 * transaction: its queries run on its own connection) go through the lanes; `end` ends
 * them all; anything else is the first lane's. Queries stay lazy, as in postgres.js.
 */
export function spread(lanes: Lanes): Sql {
  const unsafe = (...args: Parameters<Sql["unsafe"]>) => {
    const run = (values: boolean) => lanes.run(1, (sql) => (values ? sql.unsafe(...args).values() : sql.unsafe(...args)));
    return { then: (ok: never, fail: never) => run(false).then(ok, fail), values: () => run(true) };
  };
  const begin = (...args: unknown[]) => lanes.run(TRANSACTION, (sql) => (sql.begin as (...a: unknown[]) => Promise<unknown>)(...args));
  const end = async (options?: { timeout?: number }) => {
    await Promise.all(lanes.clients.map((c) => c.end(options)));
  };
  return new Proxy(lanes.clients[0]!, {
    get: (target, prop, receiver) =>
      prop === "unsafe" ? unsafe : prop === "begin" ? begin : prop === "end" ? end : Reflect.get(target, prop, receiver),
  });
}
