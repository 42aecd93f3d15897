// The process's connections and settings, created once and passed explicitly.
import type Redis from "ioredis";
import { AssignmentCatalog } from "./cache/catalog";
import { UserCache } from "./cache/users";
import type { Config } from "./config";
import { createDb, type Db } from "./db/client";
import { createLogger, type Logger } from "./lib/log";
import { FrameAncestors } from "./lti/frame";
import { type Keys, makeKeys } from "./queue/keys";
import { commandClient } from "./queue/redis";

export interface Context {
  config: Config;
  db: Db;
  sql: ReturnType<typeof createDb>["sql"];
  redis: Redis;
  keys: Keys;
  log: Logger;
  /** framing: the security headers of the moment (registered LMSs may frame us) */
  cache: { catalog: AssignmentCatalog; users: UserCache; framing: FrameAncestors };
  /** queries sent to Postgres by this process */
  stats: { queries: number };
}

export function createContext(config: Config, role: string): Context {
  const stats = { queries: 0 };
  const { db, sql } = createDb(
    config.databaseUrl,
    config.database.poolSize,
    () => stats.queries++,
    config.database.maxInFlight,
    config.database.queueWaitMs,
  );
  return {
    config,
    db,
    sql,
    redis: commandClient(config.redisUrl, config.redisCommandTimeoutMs),
    keys: makeKeys(config.redisPrefix),
    log: createLogger(config.logLevel, { role, pid: process.pid }),
    cache: { catalog: new AssignmentCatalog(db), users: new UserCache(), framing: new FrameAncestors(db) },
    stats,
  };
}

export async function closeContext(ctx: Context): Promise<void> {
  await Promise.allSettled([ctx.sql.end({ timeout: 5 }), ctx.redis.quit()]);
}
