// Redis hung, not down: the connection stays open and no reply ever comes (a frozen host, a
// connection silently dropped on the way). Without a command timeout every POST waited for
// ever; with it the submission is accepted within a few timeouts and left in Postgres for
// the sweeper, and the dead connection is replaced, so the next POST is queued in Redis.
import { afterAll, beforeAll, expect, test } from "bun:test";
import postgres from "postgres";
import { appsForThisFile, Client, firstAssignment, unique } from "../helpers/app";
import { FreezeProxy } from "../helpers/freeze-proxy";

const proxy = new FreezeProxy();
const makeApp = appsForThisFile();
const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });

beforeAll(() => proxy.start());
afterAll(async () => {
  proxy.stop();
  await admin.end();
});

test("a submission is accepted while Redis hangs and kept in Postgres; then a new connection takes over", async () => {
  const t = makeApp({ REDIS_URL: proxy.url, REDIS_COMMAND_TIMEOUT_MS: "300" });
  const c = Client.forApp(t.app);
  const { id: aid } = await firstAssignment(c);
  proxy.armed = "EVALSHA"; // the command connection's next script call, and all after it, get no reply
  const t0 = performance.now();
  const res = await c.submit(aid, unique("def hello():\n    return 'Hello'\n"));
  const ms = performance.now() - t0;
  expect(proxy.frozen).toBe(1);
  expect(res.status).toBe(202);
  expect(ms).toBeLessThan(3000); // the rate-limit script and the push each time out after 0.3 s (the position comes from Postgres)
  const { id } = (await res.json()) as { id: number };
  const [row] = await admin`select status from submissions where id = ${id}`;
  expect(row?.status).toBe("queued"); // in Postgres, for the graders' sweeper to enqueue

  // Nothing answered for twice the timeout: that connection was dropped and a new one opened
  // (through the proxy, which froze only the old one). Another visitor's POST goes all the way.
  await Bun.sleep(700);
  const next = await Client.forApp(t.app).submit(aid, unique("def hello():\n    return 'Hello'\n"));
  expect(next.status).toBe(202);
  expect(next.headers.get("ratelimit-limit")).toBeTruthy(); // the rate-limit script answered
  const queued = (await next.json()) as { id: number };
  // (The first one may be there too: this proxy lost only the replies, so Redis did run its push.)
  expect(await t.ctx.redis.lrange(t.ctx.keys.queue, 0, -1)).toContain(String(queued.id));
}, 20_000);
