// Hostile sign-ins: every one refused with 4xx and a sentence, and nobody signed in.
import { afterAll, afterEach, describe, expect, test } from "bun:test";
import { generateKeyPairSync } from "node:crypto";
import { appsForThisFile, assignmentIds, Client } from "../helpers/app";
import { callbackFor, newUser, signIn, startProvider } from "../helpers/oidc";
import { form, made, me } from "./helpers";

const op = await startProvider();
afterAll(() => op.close());
afterEach(() => op.tamper(undefined));
const t = appsForThisFile()(op.env);
const client = () => Client.forApp(t.app);
const [a1] = Object.values(await assignmentIds(t.app)) as [number];

/** A refusal: 4xx, an HTML page with a sentence, the security headers, and the browser still anonymous. */
async function refused(c: Client, res: Response, status: number, words: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  expect(await res.text()).toContain(words);
  expect((await me(c)).account).toBeNull();
}

describe("the ID token", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, Parameters<typeof op.tamper>[0]][] = [
    ["issued for another client (aud)", (claims, forge) => forge({ ...claims, aud: "another-client" })],
    ["expired", (claims, forge) => forge({ ...claims, iat: now() - 7200, exp: now() - 3600 })],
    ["signed by another key", (claims, forge) => forge(claims, generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey)],
    ["with another nonce", (claims, forge) => forge({ ...claims, nonce: "not-the-one-we-sent" })],
    ["from another issuer", (claims, forge) => forge({ ...claims, iss: "https://evil.example" })],
    ["with the signature cut off", (claims, forge) => forge(claims).replace(/\.[^.]+$/, ".")],
  ];
  for (const [what, tamper] of cases) {
    test(`${what}: 400, not signed in`, async () => {
      const c = client();
      op.tamper(tamper);
      await refused(c, await signIn(c, op, newUser()), 400, "could not be verified");
    });
  }
});

describe("the callback", () => {
  test("without a pending login (an unknown state): 400", async () => {
    const c = client();
    await refused(c, await c.request(`/auth/callback?code=abc&state=${crypto.randomUUID()}`), 400, "expired or was already completed");
    await refused(c, await c.request("/auth/callback?code=abc"), 400, "expired or was already completed");
  });

  test("replayed (the same callback URL a second time): 400, the first one stands", async () => {
    const c = client();
    const url = await callbackFor(c, op, newUser());
    expect((await c.request(url)).status).toBe(303);
    const account = await me(c);
    const again = await c.request(url);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("already completed");
    expect((await me(c)).userId).toBe(account.userId);
  });

  test("followed by another browser (login CSRF: a callback link sent to a victim): 400, the victim not signed in", async () => {
    const attacker = client();
    const url = await callbackFor(attacker, op, newUser("Mallory"));
    const victim = client();
    await me(victim);
    await refused(victim, await victim.request(url), 400, "started in another browser");
  });

  test("with a changed code: 400 from the provider's refusal, in words", async () => {
    const c = client();
    const url = (await callbackFor(c, op, newUser())).replace(/code=[^&]+/, "code=forged");
    await refused(c, await c.request(url), 400, "refused to complete this sign-in");
  });

  test("an error from the provider (the student cancelled): 400", async () => {
    const c = client();
    const start = await c.request("/auth/login");
    const state = new URL(start.headers.get("location")!).searchParams.get("state");
    await refused(
      c,
      await c.request(`/auth/callback?error=access_denied&state=${state}`),
      400,
      "cancelled or refused at the sign-in service",
    );
  });

  test("next must be a path of this site (no open redirect)", async () => {
    for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/auth/logout"]) {
      const res = await signIn(client(), op, newUser(), next);
      expect(res.headers.get("location")).toBe("/");
    }
    expect((await signIn(client(), op, newUser(), "/assignments/2?from=3")).headers.get("location")).toBe("/assignments/2?from=3");
  });
});

describe("the claim", () => {
  test("without a pending claim: GET and POST 404 in words", async () => {
    const c = client();
    await made(t.ctx, c, a1, "passed");
    await refused(c, await c.request("/auth/claim"), 404, "Nothing is waiting");
    await refused(c, await c.request("/auth/claim", form("add")), 404, "Nothing is waiting");
  });

  test("a decision other than add or skip: 422", async () => {
    const c = client();
    await made(t.ctx, c, a1, "passed");
    await signIn(c, op, newUser());
    await refused(c, await c.request("/auth/claim", form("merge")), 422, "Choose");
  });

  test("only the browser's own anonymous progress can be claimed: an id in the body is ignored", async () => {
    const victim = client();
    await made(t.ctx, victim, a1, "passed");
    const victimId = (await me(victim)).userId;

    const attacker = client();
    await made(t.ctx, attacker, a1, "failed");
    await signIn(attacker, op, newUser("Mallory"));
    const res = await attacker.request("/auth/claim", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ decision: "add", from: victimId, userId: victimId }),
    });
    expect(res.status).toBe(200);
    expect(await me(attacker)).toMatchObject({ points: 0 });
    expect(await me(victim)).toMatchObject({ userId: victimId, points: 100, account: null });
  });
});

describe("sign-out", () => {
  test("from another site: 403, still signed in", async () => {
    const c = client();
    await signIn(c, op, newUser());
    const res = await c.request("/auth/logout", { method: "POST", headers: { "sec-fetch-site": "cross-site" } });
    expect(res.status).toBe(403);
    expect((await me(c)).account).not.toBeNull();
  });
});

describe("the provider down", () => {
  test("sign-in answers 503 in words; the rest of the site works", async () => {
    const down = appsForThisFile()({ ...op.env, OIDC_ISSUER: "http://127.0.0.1:9" });
    const c = Client.forApp(down.app);
    const res = await c.request("/auth/login");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("did not answer");
    expect((await c.request("/assignments")).status).toBe(200);
  });
});

describe("Redis down", () => {
  test("sign-in answers 503 in words", async () => {
    const down = appsForThisFile()({ ...op.env, REDIS_URL: "redis://127.0.0.1:9", REDIS_COMMAND_TIMEOUT_MS: "100" });
    const res = await Client.forApp(down.app).request("/auth/login");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("Signing in is unavailable for a moment");
  });
});
