// The accounts migration (drizzle/0002_accounts.sql) leaves existing anonymous users as they
// were: a database built at the schema before it (0000 and 0001 only, by drizzle's migrator
// from a copy of those files), filled with users' work, then brought up to date by the app's
// own migrator. Every row and every user's points must be exactly as before.
import { afterAll, expect, test } from "bun:test";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { progressOf } from "../../src/assignments/service";
import { closeContext, createContext } from "../../src/context";
import { runMigrations } from "../../src/db/migrate";
import { exportUser } from "../../src/me/data";
import { testConfig } from "../helpers/app";

const DRIZZLE = join(import.meta.dir, "..", "..", "drizzle");
const FIRST_NEW = "0002_accounts";

// A private database on the run's server (the run's own is in DATABASE_URL, see tests/setup.ts).
const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
const dbName = `pp_migration_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `/${dbName}`;
const databaseUrl = url.toString();
const folder = mkdtempSync(join(tmpdir(), "pp-migrations-"));
afterAll(async () => {
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  rmSync(folder, { recursive: true, force: true });
});

/** A migrations folder holding only the migrations before `FIRST_NEW`, journal included. */
function migrationsBefore(): void {
  const journal = JSON.parse(readFileSync(join(DRIZZLE, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === FIRST_NEW),
  );
  expect(entries.map((e) => e.tag)).toEqual(["0000_init", "0001_grader_column"]);
  mkdirSync(join(folder, "meta"));
  writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(join(DRIZZLE, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
}

const users = { ada: crypto.randomUUID(), bo: crypto.randomUUID(), cy: crypto.randomUUID() };

const snapshot = async (sql: postgres.Sql) => ({
  submissions: await sql`select * from submissions order by id`,
  completions: await sql`select * from completions order by user_id, assignment_id`,
  assignments: await sql`select * from assignments order by id`,
});

test("anonymous users' submissions, completions and points survive the accounts migration untouched", async () => {
  await admin.unsafe(`create database "${dbName}"`);
  migrationsBefore();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    // drizzle changes its client's type serializers: a client of its own.
    const pre = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await migrate(drizzle(pre), { migrationsFolder: folder });
    await pre.end();
    expect((await sql`select to_regclass('accounts') as t`)[0]!.t).toBeNull(); // the schema before

    const [a1, a2] = await sql`
      insert into assignments (slug, title, position, handout, starter_code, test_code, test_version)
      values ('hello', 'Hello', 1, 'h', 's', 't', 'v1'), ('add', 'Add', 2, 'h', 's', 't', 'v1') returning id`;
    const sub = (user: string, assignment: number, status: string, outcome: string | null, awarded: boolean) => sql`
      insert into submissions (user_id, assignment_id, code, code_hash, test_version, status, outcome, message, tests, output,
                               points_awarded, attempts, grading_ms, started_at, graded_at, grader)
      values (${user}, ${assignment}, ${`print(${JSON.stringify(user)})`}, 'hash', 'v1', ${status}, ${outcome}, 'msg',
              ${sql.json([{ name: "test_x", passed: outcome === "passed", message: "" }])}, 'out', ${awarded}, 1, 12,
              now() - interval '2 days', ${status === "graded" ? new Date(Date.now() - 86_400_000) : null}, 'g1')
      returning id`;
    const award = (user: string, assignment: number, submission: number) =>
      sql`insert into completions (user_id, assignment_id, submission_id, created_at) values (${user}, ${assignment}, ${submission}, now() - interval '1 day')`;
    const [adaWin] = await sub(users.ada, a1!.id, "graded", "passed", true);
    await sub(users.ada, a2!.id, "graded", "failed", false);
    await award(users.ada, a1!.id, adaWin!.id);
    await sub(users.bo, a1!.id, "queued", null, false); // pending across the migration
    const [cy1] = await sub(users.cy, a1!.id, "graded", "passed", true);
    const [cy2] = await sub(users.cy, a2!.id, "graded", "passed", true);
    await award(users.cy, a1!.id, cy1!.id);
    await award(users.cy, a2!.id, cy2!.id);
    const before = await snapshot(sql);

    await runMigrations(databaseUrl); // the app's migrator, as `bun run db:migrate` and every start
    await runMigrations(databaseUrl); // and again: idempotent

    // Later migrations add columns (0004: module, hints, hidden): every column there was keeps
    // its value, and the old assignments stay visible.
    const after = await snapshot(sql);
    const asBefore = (rows: postgres.Row[], was: postgres.Row[]) =>
      rows.map((r, i) => Object.fromEntries(Object.keys(was[i] ?? r).map((k) => [k, r[k]])));
    expect({
      submissions: asBefore(after.submissions, before.submissions),
      completions: asBefore(after.completions, before.completions),
      assignments: asBefore(after.assignments, before.assignments),
    }).toEqual({ submissions: [...before.submissions], completions: [...before.completions], assignments: [...before.assignments] });
    expect(after.assignments.map((a) => a.hidden)).toEqual([false, false]);
    expect((await sql`select count(*)::int as n from accounts`)[0]!.n).toBe(0);
    expect((await sql`select count(*)::int as n from drizzle.__drizzle_migrations`)[0]!.n).toBe(
      (JSON.parse(readFileSync(join(DRIZZLE, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length,
    );
  } finally {
    await sql.end();
  }

  // Read by the app after the migration: the same points, and each user's own work.
  const ctx = createContext(testConfig({ DATABASE_URL: databaseUrl }), "test");
  try {
    expect((await progressOf(ctx, users.ada)).points).toBe(100);
    expect((await progressOf(ctx, users.bo)).points).toBe(0);
    expect((await progressOf(ctx, users.cy)).points).toBe(200);
    const ada = await exportUser(ctx, users.ada);
    expect(ada.account).toBeNull();
    expect(ada.submissions.map((s) => s.outcome)).toEqual(["passed", "failed"]);
    expect((await exportUser(ctx, users.bo)).submissions.map((s) => s.status)).toEqual(["queued"]);
  } finally {
    await closeContext(ctx);
  }
});
