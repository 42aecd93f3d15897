// Login CSRF: an attacker with an account on a registered LMS runs a login, keeps the launch
// form (id_token + state) and posts it from a victim's browser. A browser that keeps the
// login's cookie refuses it; one that sends no cookie at all gets through, and then a victim
// signed in to another account is asked before anything switches.
import { describe, expect, test } from "bun:test";
import { Client } from "../helpers/app";
import { ROLE } from "../helpers/lti-platform";
import { appWithPlatform, counts, launch, login, postLaunch } from "./helpers";

const { main, platform } = await appWithPlatform();

const person = (name: string) => ({ sub: `${name}-${crypto.randomUUID()}`, name, roles: [ROLE.learner] });
const me = async (c: Client) => (await (await c.request("/api/me")).json()) as { userId: string; account: { name: string } | null };

/** The attacker's own login, run in the attacker's client: the launch form the LMS would post. */
async function attackerForm() {
  const attacker = Client.forApp(main.app);
  const hint = platform().prepare({ user: person("Mallory"), slug: "hello" });
  const { location } = await login(attacker, platform(), hint);
  const page = await (await fetch(location)).text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? "";
  return { id_token: field("id_token"), state: field("state") };
}

describe("the login's browser cookie", () => {
  test("is SameSite=None; Secure; Partitioned, for /lti/ only, and kept across logins (one per browser)", async () => {
    const c = Client.forApp(main.app);
    const url = new URL(platform().loginUrl("hint"));
    const res = await c.request(url.pathname + url.search);
    expect(res.status).toBe(302);
    const cookies = res.headers.getSetCookie();
    expect(cookies.some((s) => s.startsWith("uid="))).toBe(true); // a new visitor's identity, as before
    const mine = cookies.find((s) => s.startsWith("lti_login="))!;
    for (const attr of ["Path=/lti/", "HttpOnly", "SameSite=None", "Secure", "Partitioned", "Max-Age=600"]) expect(mine).toContain(attr);
    const value = c.others.get("lti_login");
    await login(c, platform());
    expect(c.others.get("lti_login")).toBe(value);
  });
});

describe("a launch carried to another browser", () => {
  test("a browser that sends cookies but not the login's: 400 in words, nothing written", async () => {
    const form = await attackerForm();
    const victim = Client.forApp(main.app);
    await victim.request("/api/me"); // has its uid cookie, keeps cookies
    const before = await counts(main.ctx);
    const res = await postLaunch(victim, form);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("did not come back to the browser that started it");
    expect(await counts(main.ctx)).toEqual(before);
  });

  test("another login's cookie: refused too", async () => {
    const form = await attackerForm();
    const victim = Client.forApp(main.app);
    await login(victim, platform()); // the victim's own login cookie, not the attacker's
    victim.cookie = ""; // even without its uid cookie
    const res = await postLaunch(victim, form);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("did not come back to the browser that started it");
  });

  test("a browser that blocks every cookie gets through; a victim signed in elsewhere is asked before switching", async () => {
    const victim = Client.forApp(main.app);
    await launch(victim, platform(), { user: person("Victoria"), slug: "hello" });
    const signedIn = await me(victim);
    expect(signedIn.account?.name).toBe("Victoria");

    // The cross-site POST carries none of the victim's cookies (SameSite=Lax; third-party blocked).
    const res = await postLaunch(Client.forApp(main.app), await attackerForm());
    expect(res.status).toBe(303);
    const enter = res.headers.get("location")!;
    expect(enter).toStartWith("/lti/enter?ticket=");
    // The ticket's GET is a top-level navigation: it does carry the victim's cookie.
    const asked = await victim.request(enter);
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toMatch(/^\/auth\/switch\?id=/);
    expect(await me(victim)).toMatchObject({ userId: signedIn.userId }); // nothing switched
    const page = await (await victim.request(asked.headers.get("location")!)).text();
    expect(page).toContain('data-testid="switch-current">Victoria<');
    expect(page).toContain("Continue as Mallory");
  });

  test("the same launch in the browser that started it (cookie kept) still works", async () => {
    const c = Client.forApp(main.app);
    const res = await launch(c, platform(), { user: person("Ada"), slug: "hello" });
    expect(res.status).toBe(303);
    expect((await me(c)).account?.name).toBe("Ada");
  });
});
