// A private database (migrated, assignments loaded) and Redis key prefix, for one test
// or benchmark run, so runs never collide; drop() removes both.

import Redis from "ioredis";
import postgres from "postgres";
import { syncAssignments } from "../src/assignments/sync";
import { createDb } from "../src/db/client";
import { runMigrations } from "../src/db/migrate";

export interface Scratch {
  databaseUrl: string;
  redisPrefix: string;
  drop(): Promise<void>;
}

export async function createScratch(
  kind: string,
  base: { databaseUrl: string; redisUrl: string; assignmentsDir: string },
): Promise<Scratch> {
  const runId = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const dbName = `pp_${kind}_${runId}`;
  const admin = postgres(base.databaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const url = new URL(base.databaseUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const redisPrefix = `pp-${kind}-${runId}:`;

  await runMigrations(databaseUrl);
  const { db, sql } = createDb(databaseUrl, 1);
  await syncAssignments(db, base.assignmentsDir);
  await sql.end();

  return {
    databaseUrl,
    redisPrefix,
    async drop() {
      await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch(() => {});
      await admin.end();
      const redis = new Redis(base.redisUrl);
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${redisPrefix}*`, "COUNT", 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== "0");
      redis.disconnect();
    },
  };
}
