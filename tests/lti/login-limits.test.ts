// Starting a sign-in writes Redis state for 10 minutes, so unauthenticated starts are limited
// per client address (LOGINS_PER_MINUTE_PER_IP): past it, 429 in words and nothing written.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { appsForThisFile, Client } from "../helpers/app";
import { startPlatform, type TestPlatform } from "../helpers/lti-platform";
import { startProvider } from "../helpers/oidc";
import { ltiDatabase, register, TOOL } from "./helpers";

const op = await startProvider();
const apps = appsForThisFile();
const t = apps({ ...(await ltiDatabase()), ...op.env, TRUST_PROXY: "1", LOGINS_PER_MINUTE_PER_IP: "2" });
let p: TestPlatform;
beforeAll(async () => {
  p = await startPlatform(TOOL);
  await register(t.ctx, p);
});
afterAll(() => {
  p?.close();
  op.close();
});

// A new address each time: random ones collided now and then (a failed run), counting never does.
let lastIp = 0;
const newIp = () => `198.51.100.${++lastIp}`;
const keysLike = async (pattern: string) => (await t.ctx.redis.keys(`${t.ctx.config.redisPrefix}${pattern}`)).length;

async function limited(path: string, stored: string) {
  const ip = newIp();
  const c = Client.forApp(t.app);
  const start = () => c.request(path, { headers: { "x-forwarded-for": ip } });
  expect((await start()).status).toBe(302);
  expect((await start()).status).toBe(302);
  const before = await keysLike(stored);
  const refused = await start();
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await refused.text()).toMatch(/Too many sign-ins were started from your network\. Try again in \d+ seconds\./);
  expect(await keysLike(stored)).toBe(before); // the refused start wrote no login
  // Another address is not affected.
  expect((await c.request(path, { headers: { "x-forwarded-for": newIp() } })).status).toBe(302);
}

describe("sign-in starts per client address", () => {
  test("LTI login initiation: the third in a minute is 429 and writes nothing", async () => {
    const url = new URL(p.loginUrl("hint"));
    await limited(url.pathname + url.search, "lti:login:*");
  });

  test("OIDC /auth/login: the third in a minute is 429 and writes nothing", async () => {
    await limited("/auth/login?next=/assignments", "auth:login:*");
  });
});
