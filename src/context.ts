// The process's connections and settings, created once and passed explicitly.
import type Redis from "ioredis";
import type { Config } from "./config";
import { createDb, type Db } from "./db/client";
import { makeKeys, type Keys } from "./queue/keys";
import { commandClient } from "./queue/redis";
import { createLogger, type Logger } from "./lib/log";

export interface Context {
  config: Config;
  db: Db;
  sql: ReturnType<typeof createDb>["sql"];
  redis: Redis;
  keys: Keys;
  log: Logger;
}

export function createContext(config: Config, role: string): Context {
  const { db, sql } = createDb(config.databaseUrl);
  return {
    config,
    db,
    sql,
    redis: commandClient(config.redisUrl),
    keys: makeKeys(config.redisPrefix),
    log: createLogger(config.logLevel, { role, pid: process.pid }),
  };
}

export async function closeContext(ctx: Context): Promise<void> {
  await Promise.allSettled([ctx.sql.end({ timeout: 5 }), ctx.redis.quit()]);
}
