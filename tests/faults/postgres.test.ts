// Postgres restarted under a running stack: writes answer 503 in words while it is down,
// and everything recovers without restarting any process.
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { syncAssignments } from "../../src/assignments/sync";
import { loadConfig } from "../../src/config";
import { createDb } from "../../src/db/client";
import { runMigrations } from "../../src/db/migrate";
import { unique } from "../helpers/app";
import { PrivatePostgres } from "../helpers/services";
import { finalState, Stack } from "../helpers/stack";

setDefaultTimeout(120_000);

const pg = new PrivatePostgres();
let stack: Stack;

beforeAll(async () => {
  await pg.init();
  await runMigrations(pg.url);
  const { db, sql } = createDb(pg.url, 1);
  await syncAssignments(db, loadConfig(process.env).assignmentsDir);
  await sql.end();
  stack = await new Stack({ DATABASE_URL: pg.url, REDIS_PREFIX: `${process.env.REDIS_PREFIX}pg:` }).start(1);
});

afterAll(async () => {
  await stack?.stop();
  await pg.destroy();
});

const CORRECT = "def hello():\n    return 'Hello'\n";

test("while Postgres is down: 503 with a sentence; after it is back: accepted and graded, same processes", async () => {
  const assignment = await stack.assignment("hello");
  const c = stack.client();
  await c.request("/api/me");
  // A job being graded when the database goes away.
  const inFlight = (await (await c.submit(assignment, unique(`import time\ntime.sleep(1)\n${CORRECT}`))).json()) as { id: number };
  await Bun.sleep(300);
  await pg.stop("fast");

  const down = await stack.client().submit(assignment, unique(CORRECT));
  expect(down.status).toBe(503);
  expect(down.headers.get("retry-after")).toBeTruthy();
  expect(((await down.json()) as { error: string }).error).toContain("database is not answering");
  expect((await c.request("/health")).status).toBe(503);
  // A page is answered from the caches where they are warm, else 503 in words; never a 500.
  const page = await c.request(`/assignments/${assignment}`);
  expect(page.status).toBe(503);
  expect(await page.text()).toContain("database is not answering");
  // A first visit has nothing to look up: answered from the catalog in memory.
  expect((await stack.client().request(`/assignments/${assignment}`)).status).toBe(200);

  await Bun.sleep(1500);
  await pg.start();

  expect(await finalState(c, inFlight.id)).toMatchObject({ status: "graded", outcome: "passed" });
  const other = stack.client();
  let res: Response | undefined;
  for (let i = 0; i < 50; i++) {
    res = await other.submit(assignment, unique(CORRECT));
    if (res.status === 202) break;
    await Bun.sleep(200);
  }
  expect(res!.status).toBe(202);
  const s = (await res!.json()) as { id: number };
  expect(await finalState(other, s.id)).toMatchObject({ status: "graded", outcome: "passed" });
  expect(stack.web!.proc.exitCode).toBeNull();
  expect(stack.graders[0]!.proc.exitCode).toBeNull();
});
