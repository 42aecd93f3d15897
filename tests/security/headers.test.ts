// Security headers on every kind of response, the page's script hygiene, the cookie
// (rotating secrets, Secure), and who the client is (trusted proxies only).
import { describe, expect, test } from "bun:test";
import { ConfigError, loadConfig } from "../../src/config";
import { signUserId } from "../../src/identity/cookie";
import { clientIp, isHttps } from "../../src/security/client";
import { isCrossSite } from "../../src/security/guard";
import { appsForThisFile, Client, firstAssignment } from "../helpers/app";

const app = appsForThisFile();
const main = app();
const get = (path: string, init: RequestInit = {}, a = main) => a.app.handle(new Request(`http://localhost${path}`, init));

describe("security headers", () => {
  const kinds: [string, () => Promise<Response>][] = [
    ["a page", () => get("/assignments")],
    ["JSON", () => get("/api/assignments")],
    ["an HTML 404", () => get("/nowhere")],
    ["a JSON 404", () => get("/api/nowhere")],
    ["a 405", () => get("/api/me", { method: "DELETE" })],
    ["a 403", () => get("/api/assignments/1/submissions", { method: "POST", headers: { origin: "https://evil.example" } })],
    ["a 431", () => get("/api/me", { headers: { "x-big": "a".repeat(20_000) } })],
    ["a static file", () => get("/public/css/app.css")],
    ["health", () => get("/health")],
  ];
  for (const [what, send] of kinds) {
    test(`on ${what}`, async () => {
      const res = await send();
      expect(res.status).toBeLessThan(500);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain("unsafe");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      await res.body?.cancel();
    });
  }

  test("on an event stream", async () => {
    const c = Client.forApp(main.app);
    const s = (await (await c.submit((await firstAssignment(c)).id, `x = 1 # ${crypto.randomUUID()}`)).json()) as { id: number };
    const res = await c.json(`/api/submissions/${s.id}/events`);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("ratelimit-limit")).not.toBeNull();
    await res.body!.cancel();
  });

  test("the page has no inline script, no inline handlers or styles, and the feedback is hx-ignore'd", async () => {
    const page = await (await get(`/assignments/${(await firstAssignment(main.app)).id}`)).text();
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/ src="\/public\//);
    expect(page).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).not.toMatch(/\sstyle=/i);
    expect(page).not.toMatch(/\shx-on/i);
    expect(page).toMatch(/data-testid="feedback" class="feedback" hx-ignore/);
  });
});

describe("the user cookie", () => {
  const OLD = "old-secret-0123456789abcdef";
  const NEW = "new-secret-0123456789abcdef";

  test("rotation: signs with the first secret, accepts the others and re-signs them with the first", async () => {
    const rotated = app({ SESSION_SECRET: `${NEW}, ${OLD}` });
    const id = crypto.randomUUID();
    const fromOld = await get("/api/me", { headers: { cookie: `uid=${signUserId(OLD, id)}` } }, rotated);
    expect(((await fromOld.json()) as { userId: string }).userId).toBe(id);
    expect(fromOld.headers.get("set-cookie")).toStartWith(`uid=${signUserId(NEW, id)};`);

    const fromNew = await get("/api/me", { headers: { cookie: `uid=${signUserId(NEW, id)}` } }, rotated);
    expect(((await fromNew.json()) as { userId: string }).userId).toBe(id);
    expect(fromNew.headers.get("set-cookie")).toBeNull();

    const dropped = app({ SESSION_SECRET: NEW }); // the old secret retired
    const stale = await get("/api/me", { headers: { cookie: `uid=${signUserId(OLD, id)}` } }, dropped);
    expect(((await stale.json()) as { userId: string }).userId).not.toBe(id);
  });

  test("rotation inside an LMS's iframe: the re-signed cookie is the framed one (SameSite=None; Secure; Partitioned)", async () => {
    const rotated = app({ SESSION_SECRET: `${NEW}, ${OLD}` });
    const id = crypto.randomUUID();
    const headers = { cookie: `uid=${signUserId(OLD, id)}`, "sec-fetch-dest": "iframe", "sec-fetch-site": "cross-site" };
    const framed = await get("/api/me", { headers }, rotated);
    expect(((await framed.json()) as { userId: string }).userId).toBe(id);
    const cookie = framed.headers.get("set-cookie")!;
    expect(cookie).toStartWith(`uid=${signUserId(NEW, id)};`);
    for (const attr of ["SameSite=None", "Secure", "Partitioned", "HttpOnly"]) expect(cookie).toContain(attr);
    expect(cookie).not.toContain("SameSite=Lax");
    // A new visitor in a frame is unchanged (the launch sets the framed cookie).
    const fresh = await get("/api/me", { headers: { "sec-fetch-dest": "iframe" } }, rotated);
    expect(fresh.headers.get("set-cookie")).toContain("SameSite=Lax");
  });

  const secureCases: [string, Record<string, string>, Record<string, string>, boolean][] = [
    ["development over plain HTTP", {}, {}, false],
    ["production", { NODE_ENV: "production", SESSION_SECRET: NEW }, {}, true],
    ["X-Forwarded-Proto from an untrusted client", {}, { "x-forwarded-proto": "https" }, false],
    ["X-Forwarded-Proto from a trusted proxy", { TRUST_PROXY: "1" }, { "x-forwarded-proto": "https" }, true],
    ["COOKIE_SECURE=never in production", { NODE_ENV: "production", SESSION_SECRET: NEW, COOKIE_SECURE: "never" }, {}, false],
    ["COOKIE_SECURE=always", { COOKIE_SECURE: "always" }, {}, true],
  ];
  for (const [what, env, headers, secure] of secureCases) {
    test(`Secure ${secure ? "set" : "not set"}: ${what}`, async () => {
      const res = await get("/api/me", { headers }, app(env));
      const cookie = res.headers.get("set-cookie")!;
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
      expect(cookie.includes("; Secure")).toBe(secure);
    });
  }

  test("SESSION_SECRET is checked at start", () => {
    expect(() => loadConfig({ SESSION_SECRET: "a,,b" })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET must be set/);
    expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: `${NEW},short` })).toThrow(/at least 16/);
    expect(loadConfig({ SESSION_SECRET: `${NEW},${OLD}` }).sessionSecrets).toEqual([NEW, OLD]);
    expect(() => loadConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ QUEUE_CAP: "0" })).toThrow(/QUEUE_CAP/);
  });
});

describe("who the client is", () => {
  const peer = (address: string) => address;
  const req = (headers: Record<string, string> = {}, url = "http://localhost/") => new Request(url, { headers });

  test("the socket address, IPv4-mapped addresses unwrapped, IPv6 by /64", () => {
    expect(clientIp(req(), peer("::ffff:192.0.2.9"), 0)).toBe("192.0.2.9");
    expect(clientIp(req(), peer("2001:db8:1:2:3:4:5:6"), 0)).toBe("2001:db8:1:2::/64");
    expect(clientIp(req(), peer("2001:db8::1"), 0)).toBe("2001:db8:0:0::/64");
    expect(clientIp(req(), peer("::1"), 0)).toBe("0:0:0:0::/64");
    expect(clientIp(req(), undefined, 0)).toBeUndefined();
  });

  test("X-Forwarded-For only from trusted proxies, counted from the right", () => {
    const xff = { "x-forwarded-for": "6.6.6.6, 192.0.2.1, 10.0.0.2" };
    expect(clientIp(req(xff), peer("10.0.0.1"), 0)).toBe("10.0.0.1");
    expect(clientIp(req(xff), peer("10.0.0.1"), 1)).toBe("10.0.0.2");
    expect(clientIp(req(xff), peer("10.0.0.1"), 2)).toBe("192.0.2.1");
    expect(clientIp(req(xff), peer("10.0.0.1"), 9)).toBe("6.6.6.6");
    expect(clientIp(req({ "x-forwarded-for": "not-an-ip" }), peer("10.0.0.1"), 1)).toBe("10.0.0.1");
  });

  test("TLS: the URL's scheme, or a trusted proxy's X-Forwarded-Proto", () => {
    expect(isHttps(req({}, "https://localhost/"), 0)).toBe(true);
    expect(isHttps(req({ "x-forwarded-proto": "https" }), 0)).toBe(false);
    expect(isHttps(req({ "x-forwarded-proto": "https" }), 1)).toBe(true);
  });

  test("cross-site: Sec-Fetch-Site first, then Origin against the host asked for", () => {
    const post = (headers: Record<string, string>) =>
      new Request("http://app.example:7800/x", { method: "POST", headers: { host: "app.example:7800", ...headers } });
    expect(isCrossSite(post({}), 0)).toBe(false);
    expect(isCrossSite(post({ "sec-fetch-site": "same-origin", origin: "http://app.example:7800" }), 0)).toBe(false);
    expect(isCrossSite(post({ "sec-fetch-site": "none" }), 0)).toBe(false);
    expect(isCrossSite(post({ "sec-fetch-site": "cross-site" }), 0)).toBe(true);
    expect(isCrossSite(post({ origin: "http://app.example:7800" }), 0)).toBe(false);
    expect(isCrossSite(post({ origin: "http://evil.example:7800" }), 0)).toBe(true);
    expect(isCrossSite(post({ origin: "not a url" }), 0)).toBe(true);
    expect(isCrossSite(post({ origin: "http://app.example" }), 0)).toBe(false); // a proxy may drop the port
    // Behind a TLS proxy: the browser's Origin is https://, the proxy forwards the host.
    const proxied = new Request("http://10.0.0.5:7800/x", {
      method: "POST",
      headers: { host: "10.0.0.5:7800", "x-forwarded-host": "pypractice.example", origin: "https://pypractice.example" },
    });
    expect(isCrossSite(proxied, 1)).toBe(false);
    expect(isCrossSite(proxied, 0)).toBe(true);
  });
});
