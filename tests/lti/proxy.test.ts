// Behind a TLS-terminating proxy without PUBLIC_URL: with TRUST_PROXY the tool's addresses are
// the forwarded https ones (login, launch, /staff/lti); without it they stay the request's own.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { appsForThisFile, Client } from "../helpers/app";
import { ROLE, startPlatform, type TestPlatform } from "../helpers/lti-platform";
import { follow, ltiDatabase, postLaunch, register } from "./helpers";

const PUBLIC = "https://practice.example.edu";
const apps = appsForThisFile();
const db = await ltiDatabase();
const proxied = apps({ ...db, PUBLIC_URL: "", TRUST_PROXY: "1" });
const direct = apps({ ...db, PUBLIC_URL: "", TRUST_PROXY: "0" });
const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "practice.example.edu", "x-forwarded-for": "192.0.2.10" };
let p: TestPlatform;
beforeAll(async () => {
  p = await startPlatform(PUBLIC);
  await register(proxied.ctx, p);
});
afterAll(() => p?.close());

const loginPath = (hint: string) => {
  const url = new URL(p.loginUrl(hint));
  return url.pathname + url.search;
};

describe("LTI behind a TLS proxy, PUBLIC_URL unset", () => {
  test("TRUST_PROXY: the https login is accepted, redirect_uri is the forwarded address, the launch signs in", async () => {
    const c = Client.forApp(proxied.app);
    const hint = p.prepare({ user: { sub: `t-${crypto.randomUUID()}`, name: "Teacher", roles: [ROLE.instructor] }, slug: "hello" });
    const res = await c.request(loginPath(hint), { headers: forwarded });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(new URL(location).searchParams.get("redirect_uri")).toBe(`${PUBLIC}/lti/launch`);
    const page = await (await fetch(location)).text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? "";
    const launched = await follow(c, await postLaunch(c, { id_token: field("id_token"), state: field("state") }, forwarded));
    expect(launched.status).toBe(303);
    expect(launched.headers.get("location")).toMatch(/^\/assignments\/\d+$/);
    // The staff page names the forwarded https addresses, and says PUBLIC_URL is unset.
    const staff = await (await c.request("/staff/lti", { headers: forwarded })).text();
    expect(staff).toContain(`data-testid="lti-login-url">${PUBLIC}/lti/login<`);
    expect(staff).toContain(`data-testid="lti-launch-url">${PUBLIC}/lti/launch<`);
    expect(staff).toContain('data-testid="lti-public-url-unset"');
    expect(staff).toContain("PUBLIC_URL is not set");
  });

  test("without TRUST_PROXY the forwarded headers are not believed: the https target is foreign", async () => {
    const res = await Client.forApp(direct.app).request(loginPath("hint"), { headers: forwarded });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("target_link_uri must be an address of this tool (http://localhost)");
  });
});
