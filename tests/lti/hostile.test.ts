// Hostile launches through the real routes: each refused with its status and a page that says
// why in words, and nothing written (accounts, courses, memberships, links).
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { exportSPKI, SignJWT } from "jose";
import { appsForThisFile, Client } from "../helpers/app";
import { ROLE, startPlatform, type TestPlatform } from "../helpers/lti-platform";
import { counts, follow, launch, login, ltiDatabase, postLaunch, register, TOOL } from "./helpers";

const apps = appsForThisFile();
const main = apps(await ltiDatabase());
let p: TestPlatform;
beforeAll(async () => {
  p = await startPlatform(TOOL);
  await register(main.ctx, p);
});
afterAll(() => p?.close());

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const user = { sub: "mallory", name: "Mallory", roles: [ROLE.learner] };
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** A login at the tool, then a launch with the id_token `forge` makes from the login's claims. */
async function forged(forge: (claims: Record<string, unknown>) => Promise<string> | string, state?: (s: string) => string) {
  const c = Client.forApp(main.app);
  const l = await login(c, p);
  const claims = p.claimsFor({ user, slug: "hello" }, l.nonce);
  return postLaunch(c, { id_token: await forge(claims), state: state ? state(l.state) : l.state });
}

async function refused(res: Response, status: number, words: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("text/html");
  // At most a new visitor's anonymous cookie: nobody signed in.
  const id = /uid=([0-9a-f-]{36})\./.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (id) expect(await main.ctx.sql`select 1 from accounts where user_id = ${id}`).toHaveLength(0);
  expect(await res.text()).toMatch(words);
}

const cases: [string, () => Promise<Response>, number, RegExp][] = [
  [
    "a bad signature (another key under the platform's kid)",
    async () => forged(async (c) => p.sign(c, (await p.stranger()).privateKey)),
    401,
    /signature does not match/,
  ],
  [
    "a key the platform does not publish",
    async () =>
      forged(async (c) => {
        const k = await p.stranger();
        return p.sign(c, k.privateKey, k.kid);
      }),
    401,
    /key the LMS does not publish/,
  ],
  ["alg: none", () => forged((c) => `${b64({ alg: "none", typ: "JWT" })}.${b64(c)}.`), 401, /RS256/],
  [
    "HS256 signed with the platform's public key as the secret",
    () =>
      forged(async (c) =>
        new SignJWT(c).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(await exportSPKI(p.publicKey()))),
      ),
    401,
    /RS256/,
  ],
  [
    "expired",
    () => forged((c) => p.sign({ ...c, iat: Math.floor(Date.now() / 1000) - 900, exp: Math.floor(Date.now() / 1000) - 300 })),
    401,
    /expired/,
  ],
  ["issued in the future", () => forged((c) => p.sign({ ...c, iat: Math.floor(Date.now() / 1000) + 600 })), 401, /future|too long ago/],
  ["the wrong audience", () => forged((c) => p.sign({ ...c, aud: "another-tool" })), 401, /another tool/],
  ["several audiences without azp", () => forged((c) => p.sign({ ...c, aud: [p.clientId, "another-tool"] })), 401, /authorized party/],
  ["azp naming another tool", () => forged((c) => p.sign({ ...c, azp: "another-tool" })), 401, /authorized party/],
  ["the wrong issuer", () => forged((c) => p.sign({ ...c, iss: "https://evil.example" })), 401, /another LMS/],
  ["an unknown deployment", () => forged((c) => p.sign({ ...c, [`${LTI}deployment_id`]: "rogue" })), 403, /deployment/],
  ["LTI version 1.1", () => forged((c) => p.sign({ ...c, [`${LTI}version`]: "1.1" })), 400, /LTI 1\.3\.0/],
  [
    "an unknown message type",
    () => forged((c) => p.sign({ ...c, [`${LTI}message_type`]: "LtiSubmissionReviewRequest" })),
    400,
    /message type/,
  ],
  ["another target link", () => forged((c) => p.sign({ ...c, [`${LTI}target_link_uri`]: `${TOOL}/elsewhere` })), 400, /target link/],
  ["another nonce", () => forged((c) => p.sign({ ...c, nonce: "chosen-by-attacker" })), 400, /nonce/],
  ["no subject", () => forged((c) => p.sign({ ...c, sub: "" })), 400, /who the user is/],
  [
    "a state no login made",
    () =>
      forged(
        (c) => p.sign(c),
        () => crypto.randomUUID(),
      ),
    400,
    /expired or was already used/,
  ],
  ["no id_token", () => postLaunch(Client.forApp(main.app), { state: "x" }), 400, /no id_token or state/],
  ["not a JWT at all", () => forged(() => "garbage"), 401, /could not be verified/],
];

describe("hostile launches", () => {
  for (const [what, send, status, words] of cases) {
    test(`${what}: ${status}, nothing written`, async () => {
      const before = await counts(main.ctx);
      await refused(await send(), status, words);
      expect(await counts(main.ctx)).toEqual(before);
    });
  }

  test("a mismatched state: the token of one login posted with another login's state", async () => {
    const c = Client.forApp(main.app);
    const first = await login(c, p);
    const second = await login(c, p);
    const before = await counts(main.ctx);
    const token = await p.sign(p.claimsFor({ user, slug: "hello" }, first.nonce));
    await refused(await postLaunch(c, { id_token: token, state: second.state }), 400, /nonce/);
    expect(await counts(main.ctx)).toEqual(before);
  });

  test("a replayed launch (same id_token and state) is refused", async () => {
    const c = Client.forApp(main.app);
    const l = await login(c, p);
    const fields = { id_token: await p.sign(p.claimsFor({ user, slug: "hello" }, l.nonce)), state: l.state };
    expect((await follow(c, await postLaunch(c, fields))).status).toBe(303);
    const before = await counts(main.ctx);
    await refused(await postLaunch(Client.forApp(main.app), fields), 400, /already used/);
    expect(await counts(main.ctx)).toEqual(before);
  });

  test("a used nonce is refused even with a fresh state carrying it", async () => {
    const c = Client.forApp(main.app);
    const l = await login(c, p);
    const token = await p.sign(p.claimsFor({ user, slug: "hello" }, l.nonce));
    expect((await postLaunch(c, { id_token: token, state: l.state })).status).toBe(303);
    // A state that somehow names the same nonce (written straight into Redis): the nonce is spent.
    const state = crypto.randomUUID();
    const [row] = await main.ctx.sql<{ id: number }[]>`select id from lti_platforms where issuer = ${p.issuer}`;
    await main.ctx.redis.set(
      main.ctx.keys.ltiLogin(state),
      JSON.stringify({ platformId: row!.id, issuer: p.issuer, clientId: p.clientId, nonce: l.nonce, targetLinkUri: `${TOOL}/lti/launch` }),
    );
    await refused(await postLaunch(c, { id_token: token, state }), 400, /replayed nonce/);
  });

  test("a Deep Linking request without its settings (no return URL) is refused in words, nothing written", async () => {
    const before = await counts(main.ctx);
    const res = await launch(Client.forApp(main.app), p, {
      user: { ...user, roles: [ROLE.instructor] },
      messageType: "LtiDeepLinkingRequest",
    });
    await refused(res, 400, /did not say where to send the chosen activities/);
    expect(await counts(main.ctx)).toEqual(before);
  });
});

describe("hostile logins", () => {
  const get = (q: Record<string, string>) => Client.forApp(main.app).request(`/lti/login?${new URLSearchParams(q)}`);
  test("an unregistered issuer is 403, a missing parameter or a foreign target 400, all in words", async () => {
    await refused(
      await get({ iss: "https://unknown.example", login_hint: "x", target_link_uri: `${TOOL}/lti/launch` }),
      403,
      /no LMS with issuer/,
    );
    await refused(await get({ iss: p.issuer, target_link_uri: `${TOOL}/lti/launch` }), 400, /login_hint/);
    await refused(await get({ iss: p.issuer, login_hint: "x", target_link_uri: "https://evil.example/" }), 400, /address of this tool/);
    await refused(
      await get({ iss: p.issuer, login_hint: "x", target_link_uri: `${TOOL}/lti/launch`, lti_deployment_id: "rogue" }),
      403,
      /deployment/,
    );
  });

  test("the login and the launch accept the LMS's cross-site POSTs; other POSTs from other sites stay refused", async () => {
    const c = Client.forApp(main.app);
    const res = await c.request("/lti/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" },
      body: new URLSearchParams({ iss: p.issuer, login_hint: "x", target_link_uri: `${TOOL}/lti/launch` }).toString(),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toStartWith(p.urls.auth);
    const window = await c.request("/lti/window", { method: "POST", headers: { "sec-fetch-site": "cross-site" } });
    expect(window.status).toBe(403);
    expect(await window.text()).toContain("another website");
  });
});
