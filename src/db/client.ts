import { drizzle } from "drizzle-orm/postgres-js";
import postgres, { type Sql } from "postgres";
import { Gate, Lanes, spread } from "./gate";
import * as schema from "./schema";

export type Db = ReturnType<typeof createDb>["db"];

/**
 * One pool of `max` connections per process. With `maxInFlight` > 0 (the web and graders),
 * each connection is its own postgres.js client (see gate.ts), queries are pipelined on the
 * least busy one and at most `maxInFlight` are out at once (the rest wait here, in order,
 * at most `queueWaitMs`, then fail as "database unavailable");
 * `sql` is then the first connection's client, whose `end` ends all. With 0 (scripts, and
 * the benchmark's "before"), it is one plain postgres.js pool.
 * `onQuery` sees every query sent (the web counts them, to prove its caches work).
 */
export function createDb(databaseUrl: string, max = 10, onQuery?: () => void, maxInFlight = 0, queueWaitMs = 5000) {
  const client = (connections: number) =>
    postgres(databaseUrl, { max: connections, onnotice: () => {}, connect_timeout: 5, debug: onQuery && (() => onQuery()) });
  if (maxInFlight <= 0) {
    const sql = client(max);
    return { sql, db: drizzle(sql, { schema }) };
  }
  const clients: Sql[] = Array.from({ length: max }, () => client(1));
  const sql = spread(new Lanes(clients, new Gate(maxInFlight, queueWaitMs)));
  const db = drizzle(sql, { schema });
  // drizzle set its value parsers on the first client's options: every lane needs them.
  for (const c of clients.slice(1)) {
    Object.assign(c.options.parsers, sql.options.parsers);
    Object.assign(c.options.serializers, sql.options.serializers);
  }
  return { sql, db };
}
