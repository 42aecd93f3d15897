// Runs once before the suite: a private database and Redis key prefix for this run,
// so runs never collide; both are removed afterwards.
import { afterAll } from "bun:test";
import postgres from "postgres";
import Redis from "ioredis";
import { loadConfig } from "../src/config";
import { createDb } from "../src/db/client";
import { runMigrations } from "../src/db/migrate";
import { syncAssignments } from "../src/assignments/sync";
import { ensureServices } from "../scripts/services";

const base = loadConfig(process.env);
await ensureServices(base);

const runId = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const dbName = `pp_test_${runId}`;
const admin = postgres(base.databaseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
const url = new URL(base.databaseUrl);
url.pathname = `/${dbName}`;

process.env.DATABASE_URL = url.toString();
process.env.REDIS_PREFIX = `pp-test-${runId}:`;
process.env.LOG_LEVEL ??= "warn";
process.env.NODE_ENV = "test";

await runMigrations(process.env.DATABASE_URL);
const { db, sql } = createDb(process.env.DATABASE_URL, 1);
await syncAssignments(db, base.assignmentsDir);
await sql.end();

afterAll(async () => {
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
  await admin.end();
  const redis = new Redis(base.redisUrl);
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${process.env.REDIS_PREFIX}*`, "COUNT", 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  redis.disconnect();
});
