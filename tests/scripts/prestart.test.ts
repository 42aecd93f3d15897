// scripts/prestart.ts, the start of every web process: with SYNC_ASSIGNMENTS_ON_START=false (as
// Kubernetes' web pods run it) a start from an older copy of the course, after a newer one was
// synced, changes nothing and says so; with the default it syncs and tells running web
// processes to reload. On a course and a database of this file's own.
import { afterAll, describe, expect, test } from "bun:test";
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import Redis from "ioredis";
import { syncAssignments } from "../../src/assignments/sync";
import { loadConfig } from "../../src/config";
import { createDb } from "../../src/db/client";
import { makeKeys } from "../../src/queue/keys";
import { copyCourse, courseDatabase, folderOf } from "../helpers/course";

const ROOT = join(import.meta.dir, "..", "..");
const older = copyCourse(); // the course in the older image
const newer = copyCourse(); // the next release's: one assignment's tests changed
const changed = "hello";
appendFileSync(join(folderOf(newer, changed), "test_solution.py"), "\n# checked again in the next release\n");

const scratch = await courseDatabase(older);
const { db, sql } = createDb(scratch.databaseUrl, 1);
afterAll(() => sql.end());
const redisPrefix = `test-prestart-${crypto.randomUUID().slice(0, 8)}:`;

/** Every assignment's test version and visibility, by slug. */
const content = async () =>
  Object.fromEntries((await sql`select slug, test_version, test_code, hidden from assignments order by slug`).map((r) => [r.slug, r]));

function prestart(dir: string, env: Record<string, string>) {
  const p = Bun.spawnSync(["bun", "scripts/prestart.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: scratch.databaseUrl, ASSIGNMENTS_DIR: dir, REDIS_PREFIX: redisPrefix, ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
  return { code: p.exitCode, stdout: p.stdout.toString(), stderr: p.stderr.toString() };
}

describe("prestart after a newer course was synced (the migrate Job of a new release)", () => {
  test("SYNC_ASSIGNMENTS_ON_START=false: an older copy changes nothing, and the start says so", async () => {
    await syncAssignments(db, newer);
    const synced = await content();
    expect(synced[changed]!.test_code).toContain("checked again in the next release");

    const run = prestart(older, { SYNC_ASSIGNMENTS_ON_START: "false" });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("database ready; assignments not synced (SYNC_ASSIGNMENTS_ON_START=false: the migrate Job syncs them)");
    expect(await content()).toEqual(synced);
  }, 30_000);

  test("the default syncs (the older copy's tests come back: why web pods in Kubernetes do not) and tells web processes", async () => {
    const before = await content();
    const sub = new Redis(loadConfig(process.env).redisUrl);
    const heard = new Promise<string>((resolve) => sub.on("message", (channel) => resolve(channel)));
    const channel = makeKeys(redisPrefix).assignmentsChannel;
    await sub.subscribe(channel);
    try {
      const run = prestart(older, {});
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toMatch(/^database ready, \d+ assignments in \d+ modules synced\n$/);
      expect(await Promise.race([heard, Bun.sleep(5000).then(() => "nothing")])).toBe(channel);
    } finally {
      sub.disconnect();
    }
    const after = await content();
    expect(after[changed]!.test_version).not.toBe(before[changed]!.test_version);
    expect(after[changed]!.test_code).not.toContain("checked again in the next release");
  }, 30_000);

  test("a value other than true or false stops the start, naming the variable", () => {
    const run = prestart(older, { SYNC_ASSIGNMENTS_ON_START: "no" });
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr: 'Configuration error: SYNC_ASSIGNMENTS_ON_START must be one of true, false, got "no".\n',
    });
  }, 30_000);
});
