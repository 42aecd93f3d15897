// Driving LTI launches through the app's real routes against the test platform.
import { afterAll, beforeAll, expect } from "bun:test";
import type { JSONWebKeySet } from "jose";
import { createScratch } from "../../scripts/scratch";
import { loadConfig } from "../../src/config";
import type { Context } from "../../src/context";
import { addPlatform } from "../../src/lti/platforms";
import { appsForThisFile, type Client } from "../helpers/app";
import { type LaunchOptions, startPlatform, type TestPlatform } from "../helpers/lti-platform";

export const TOOL = "http://localhost";

export const register = (ctx: Context, p: TestPlatform) =>
  addPlatform(ctx, {
    issuer: p.issuer,
    clientId: p.clientId,
    deploymentIds: [p.deploymentId],
    authUrl: p.urls.auth,
    tokenUrl: p.urls.token,
    jwksUrl: p.urls.jwks,
    frameOrigins: [],
  });

/** The app's own JWKS, for a test platform verifying what an in-process app signs. */
export const jwksOf = (app: { handle(r: Request): Promise<Response> }) => async () =>
  (await (await app.handle(new Request(`${TOOL}/lti/jwks`))).json()) as JSONWebKeySet;

/** The LMS's login initiation at the tool: the tool's redirect to the platform, with its state and nonce. */
export async function login(c: Client, p: TestPlatform, hint = "hint") {
  const url = new URL(p.loginUrl(hint)); // the tool in-process (TOOL) or a real web process
  const res = await c.request(url.pathname + url.search);
  expect(res.status).toBe(302);
  const location = res.headers.get("location")!;
  const q = new URL(location).searchParams;
  return { location, state: q.get("state")!, nonce: q.get("nonce")! };
}

/** The form POST an LMS makes to /lti/launch (cross-site, as from the LMS's page). */
export const postLaunch = (c: Client, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  c.request("/lti/launch", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site", ...headers },
    body: new URLSearchParams(fields).toString(),
  });

/** A whole launch: login at the tool, the platform's authorization endpoint over HTTP, the launch. */
export async function launch(c: Client, p: TestPlatform, o: LaunchOptions, headers: Record<string, string> = {}) {
  const hint = p.prepare(o);
  const { location } = await login(c, p, hint);
  const page = await (await fetch(location)).text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? "";
  return follow(c, await postLaunch(c, { id_token: field("id_token"), state: field("state") }, headers));
}

/** A top-level launch answers with a one-time ticket's address (/lti/enter): the browser follows it. */
export async function follow(c: Client, res: Response) {
  const to = res.headers.get("location");
  return res.status === 303 && to?.startsWith("/lti/enter?") ? c.request(to) : res;
}

/** Rows of the tables a launch writes, to prove a refused one wrote nothing. */
export async function counts(ctx: Context) {
  const [row] = await ctx.sql<{ accounts: number; contexts: number; memberships: number; links: number }[]>`
    select (select count(*)::int from accounts) as accounts, (select count(*)::int from lti_contexts) as contexts,
           (select count(*)::int from lti_memberships) as memberships, (select count(*)::int from lti_resource_links) as links`;
  return row!;
}

/**
 * A database of the file's own: registered LMSs may frame every page (frame-ancestors), which
 * other files of the suite, sharing the run's database, check is 'none'.
 */
export async function ltiDatabase() {
  const scratch = await createScratch("lti", loadConfig(process.env));
  afterAll(() => scratch.drop());
  return { DATABASE_URL: scratch.databaseUrl };
}

/** An app on a database of the file's own with one test LMS registered (`platform()` once the file's tests run). */
export async function appWithPlatform(env: Record<string, string> = {}) {
  const main = appsForThisFile()({ ...(await ltiDatabase()), ...env });
  let p: TestPlatform | undefined;
  beforeAll(async () => {
    p = await startPlatform(TOOL);
    await register(main.ctx, p);
  });
  afterAll(() => p?.close());
  return { main, platform: () => p! };
}
