// Hostile and broken requests, one test each: every one gets its exact status, never a 5xx.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { signUserId } from "../../src/identity/cookie";
import { Client, firstAssignment, makeApp, unique } from "../helpers/app";
import { gradeByHand } from "../helpers/grading";

const t = makeApp();
afterAll(() => t.close());

const enc = new TextEncoder();
const json = (body: unknown) => JSON.stringify(body);
const SQL = "1' OR '1'='1'; DROP TABLE submissions; --";

/** State shared by the cases: a victim with a submission, an attacker, an assignment. */
const f = {
  aid: 0,
  victim: Client.forApp(t.app),
  victimId: "",
  victimSubmission: 0,
  victimMarker: "",
  own: 0, // a finished submission of `me`
  me: Client.forApp(t.app),
};

beforeAll(async () => {
  f.aid = (await firstAssignment(f.victim)).id;
  f.victimId = ((await (await f.victim.json("/api/me")).json()) as { userId: string }).userId;
  f.victimMarker = `victim-secret-${crypto.randomUUID()}`;
  const s = (await (await f.victim.submit(f.aid, unique(`# ${f.victimMarker}\nx = 1`))).json()) as { id: number };
  f.victimSubmission = s.id;
  const mine = (await (await f.me.submit(f.aid, unique("x = 2"))).json()) as { id: number };
  await gradeByHand(t.ctx.db, mine.id, { outcome: "failed", message: "0 of 1 tests passed." });
  f.own = mine.id;
});

const fresh = () => Client.forApp(t.app);
const raw = (path: string, init: RequestInit = {}) => t.app.handle(new Request(`http://localhost${path}`, init));
const post = (c: Client, path: string, body: BodyInit, type?: string, headers: Record<string, string> = {}) =>
  c.request(path, { method: "POST", headers: { ...(type ? { "content-type": type } : {}), ...headers }, body });
const api = () => `/api/assignments/${f.aid}/submissions`;
const form = () => `/assignments/${f.aid}/submit`;
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

async function userOf(res: Response) {
  return ((await res.json()) as { userId: string }).userId;
}

interface Case {
  name: string;
  status: number;
  send(): Promise<Response>;
  /** further checks on the response */
  then?(res: Response): Promise<void> | void;
}

const cases: Case[] = [
  // Wrong methods: 405 with Allow on real addresses, 404 elsewhere.
  {
    name: "PUT on the assignment list",
    status: 405,
    send: () => raw("/api/assignments", { method: "PUT" }),
    then: (r) => expect(r.headers.get("allow")).toBe("GET, HEAD"),
  },
  { name: "DELETE on a submission", status: 405, send: () => raw(`/api/submissions/${f.victimSubmission}`, { method: "DELETE" }) },
  { name: "POST on /api/me", status: 405, send: () => raw("/api/me", { method: "POST" }) },
  {
    name: "PATCH on an assignment page",
    status: 405,
    send: () => raw(`/assignments/${f.aid}`, { method: "PATCH" }),
    then: async (r) => expect(r.headers.get("content-type")).toContain("text/html"),
  },
  {
    name: "GET on the submissions endpoint",
    status: 405,
    send: () => raw(api()),
    then: async (r) => {
      expect(r.headers.get("allow")).toBe("POST");
      expect(((await r.json()) as { error: string }).error).toContain("Use POST");
    },
  },
  { name: "GET on the form's submit address", status: 405, send: () => raw(form()) },
  {
    name: "OPTIONS (no CORS here)",
    status: 405,
    send: () => raw("/api/assignments", { method: "OPTIONS" }),
    then: (r) => expect(r.headers.get("access-control-allow-origin")).toBeNull(),
  },
  { name: "an unknown method (PROPFIND)", status: 405, send: () => raw("/api/me", { method: "PROPFIND" }) },
  { name: "an unknown method on an unknown address", status: 404, send: () => raw("/nowhere", { method: "FOO" }) },
  { name: "POST to a static file", status: 405, send: () => raw("/public/css/app.css", { method: "POST" }) },
  { name: "a missing static file", status: 404, send: () => raw("/public/css/nope.css") },
  { name: "path traversal out of /public", status: 404, send: () => raw("/public/%2e%2e/src/config.ts") },

  // Content types.
  { name: "code as text/plain", status: 415, send: () => post(fresh(), api(), json({ code: unique("x = 1") }), "text/plain") },
  { name: "code with no content type", status: 415, send: () => post(fresh(), api(), json({ code: unique("x = 1") })) },
  { name: "a form body sent to the JSON API", status: 415, send: () => post(fresh(), api(), "code=x", FORM) },
  { name: "JSON sent to the HTML form", status: 415, send: () => post(fresh(), form(), json({ code: "x" }), JSON_TYPE) },
  { name: "a lookalike JSON type", status: 415, send: () => post(fresh(), api(), json({ code: "x" }), "application/json-patch+json") },
  { name: "a broken multipart body", status: 400, send: () => post(fresh(), form(), "garbage", "multipart/form-data; boundary=zz") },
  { name: "multipart without a boundary", status: 400, send: () => post(fresh(), form(), "garbage", "multipart/form-data") },

  // Malformed JSON and wrong shapes.
  { name: "truncated JSON", status: 400, send: () => post(fresh(), api(), "{code:", JSON_TYPE) },
  { name: "an empty JSON body", status: 400, send: () => post(fresh(), api(), "", JSON_TYPE) },
  { name: "a JSON array", status: 422, send: () => post(fresh(), api(), "[]", JSON_TYPE) },
  { name: "a JSON string", status: 422, send: () => post(fresh(), api(), '"print(1)"', JSON_TYPE) },
  { name: "code: null", status: 422, send: () => post(fresh(), api(), json({ code: null }), JSON_TYPE) },
  { name: "code as an object", status: 422, send: () => post(fresh(), api(), json({ code: { toString: "x" } }), JSON_TYPE) },
  {
    name: "JSON nested 100 000 deep (valid, but not an object)",
    status: 422,
    send: () => post(fresh(), api(), "[".repeat(100_000) + "]".repeat(100_000), JSON_TYPE),
  },

  // Sizes.
  { name: "a body over the limit", status: 413, send: () => post(fresh(), api(), json({ code: "x".repeat(300 * 1024) }), JSON_TYPE) },
  { name: "a form body over the limit", status: 413, send: () => post(fresh(), form(), "code=" + "x".repeat(300 * 1024), FORM) },
  { name: "code over the code limit", status: 422, send: () => post(fresh(), api(), json({ code: "x".repeat(70 * 1024) }), JSON_TYPE) },
  { name: "a 20 KiB header", status: 431, send: () => raw("/api/me", { headers: { "x-junk": "a".repeat(20 * 1024) } }) },
  {
    name: "300 headers",
    status: 431,
    send: () => raw("/api/me", { headers: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`x-h${i}`, "v".repeat(60)])) }),
  },
  { name: "a 10 KiB query string", status: 414, send: () => raw(`/api/assignments?q=${"a".repeat(10 * 1024)}`) },
  { name: "a 10 KiB path", status: 414, send: () => raw(`/assignments/${"9".repeat(10 * 1024)}`) },

  // NUL and bytes that are not UTF-8.
  { name: "a NUL byte in the code", status: 422, send: () => post(fresh(), api(), json({ code: "x = 1\u0000" }), JSON_TYPE) },
  {
    name: "bytes that are not UTF-8 in JSON",
    status: 422,
    send: () => post(fresh(), api(), new Uint8Array([...enc.encode('{"code": "x = '), 0xff, 0xfe, ...enc.encode('"}')]), JSON_TYPE),
  },
  { name: "a lone surrogate in JSON", status: 422, send: () => post(fresh(), api(), '{"code": "x = \\ud800"}', JSON_TYPE) },
  {
    name: "percent-encoded bytes that are not UTF-8 in a form",
    status: 422,
    send: () => post(fresh(), form(), "code=x%20%3D%20%FF%FE", FORM),
  },
  { name: "a percent-encoded NUL in a form", status: 422, send: () => post(fresh(), form(), "code=x%00", FORM) },
  {
    name: "raw bytes that are not UTF-8 in a form",
    status: 422,
    send: () => post(fresh(), form(), new Uint8Array([...enc.encode("code=x"), 0xc3, 0x28]), FORM),
  },
  { name: "a NUL in the path", status: 404, send: () => raw("/api/assignments/%00") },
  { name: "bytes that are not UTF-8 in the path", status: 404, send: () => raw("/api/submissions/%FF%FE") },
  { name: "bytes that are not UTF-8 in a page path", status: 404, send: () => raw("/assignments/%C3%28") },

  // Empty and blank code.
  { name: "empty code", status: 422, send: () => post(fresh(), api(), json({ code: "" }), JSON_TYPE) },
  { name: "whitespace-only code", status: 422, send: () => post(fresh(), api(), json({ code: " \n\t\r\n " }), JSON_TYPE) },
  { name: "whitespace-only code in the form", status: 422, send: () => post(fresh(), form(), "code=+%0A%09", FORM) },
  { name: "a form without a code field", status: 422, send: () => post(fresh(), form(), "other=1", FORM) },
  { name: "a JSON body without code", status: 422, send: () => post(fresh(), api(), json({ source: "x = 1" }), JSON_TYPE) },

  // SQL injection strings, in every field.
  { name: "SQL in an assignment id", status: 404, send: () => raw(`/api/assignments/${encodeURIComponent(SQL)}`) },
  { name: "SQL in a submission id", status: 404, send: () => raw(`/api/submissions/${encodeURIComponent(SQL)}/events`) },
  { name: "SQL in a page id", status: 404, send: () => raw(`/assignments/${encodeURIComponent(SQL)}`) },
  {
    name: "SQL as the code: stored as text, nothing dropped",
    status: 202,
    send: () => fresh().submit(f.aid, unique(SQL)),
    then: async () => expect((await raw("/api/assignments")).status).toBe(200),
  },
  {
    name: "SQL in the cookie",
    status: 200,
    send: () => raw("/api/me", { headers: { cookie: `uid=${SQL}` } }),
    then: async (r) => {
      expect(r.headers.get("set-cookie")).toContain("uid=");
      expect(await userOf(r)).toMatch(/^[0-9a-f-]{36}$/);
    },
  },
  {
    name: "SQL in Last-Event-ID",
    status: 200,
    send: () => f.me.request(`/api/submissions/${f.own}/events`, { headers: { "last-event-id": SQL } }),
    then: async (r) => expect(await r.text()).toMatch(/^id: \d+\nevent: status\ndata: \{/m),
  },
  { name: "SQL in the query string", status: 200, send: () => f.me.json(`/api/me?userId=${encodeURIComponent(SQL)}`) },
  { name: "SQL as a form field name", status: 422, send: () => post(fresh(), form(), `${encodeURIComponent(SQL)}=1`, FORM) },

  // Ids out of range.
  { name: "assignment id 0", status: 404, send: () => raw("/api/assignments/0") },
  { name: "assignment id 2^31", status: 404, send: () => raw("/api/assignments/2147483648") },
  { name: "a 20-digit assignment id", status: 404, send: () => raw("/api/assignments/99999999999999999999") },
  { name: "a negative submission id", status: 404, send: () => raw("/api/submissions/-1") },
  { name: "a submission id in exponent form", status: 404, send: () => raw("/api/submissions/1e3") },
  { name: "a huge id on the page stream", status: 404, send: () => raw("/submissions/2147483648/stream") },
  { name: "a submission to an assignment that does not exist", status: 404, send: () => fresh().submit(2_147_483_647, unique("x = 1")) },

  // Another user's submission, on every route that takes one.
  { name: "another user's submission (JSON)", status: 404, send: () => fresh().json(`/api/submissions/${f.victimSubmission}`) },
  { name: "another user's event stream", status: 404, send: () => fresh().json(`/api/submissions/${f.victimSubmission}/events`) },
  { name: "another user's page stream", status: 404, send: () => fresh().request(`/submissions/${f.victimSubmission}/stream`) },
  {
    name: "another user's code never shows on my page",
    status: 200,
    send: () => fresh().request(`/assignments/${f.aid}`),
    then: async (r) => expect(await r.text()).not.toContain(f.victimMarker),
  },
  {
    name: "a userId in the body is ignored",
    status: 202,
    send: () => post(fresh(), api(), json({ code: unique("x = 3"), userId: f.victimId }), JSON_TYPE),
    then: async (r) => {
      const s = (await r.json()) as { id: number };
      expect((await f.victim.json(`/api/submissions/${s.id}`)).status).toBe(404);
    },
  },
  {
    name: "a user id in a header or the query is ignored",
    status: 200,
    send: () => fresh().json(`/api/me?userId=${f.victimId}&user=${f.victimId}`),
    then: async (r) => expect(await userOf(r)).not.toBe(f.victimId),
  },
  {
    name: "X-User-Id is ignored",
    status: 200,
    send: () => raw("/api/me", { headers: { "x-user-id": f.victimId, "x-forwarded-user": f.victimId } }),
    then: async (r) => expect(await userOf(r)).not.toBe(f.victimId),
  },

  // Forged and tampered cookies: treated as no cookie (a new visitor).
  ...[
    ["signed with another secret", () => `uid=${signUserId("not-our-secret-at-all", f.victimId)}`],
    ["with a tampered signature", () => `uid=${tamper(signUserId(t.config.sessionSecrets[0]!, f.victimId))}`],
    ["the bare id, unsigned", () => `uid=${f.victimId}`],
    [
      "another id under the victim's signature",
      () => `uid=${crypto.randomUUID()}.${signUserId(t.config.sessionSecrets[0]!, f.victimId).split(".")[1]}`,
    ],
    ["4 KiB of garbage", () => `uid=${"A".repeat(4096)}`],
    [
      "two uid cookies, the forged one first",
      () => `uid=${f.victimId}.x; uid=${signUserId(t.config.sessionSecrets[0]!, crypto.randomUUID())}`,
    ],
  ].map(([what, cookie]) => ({
    name: `a cookie ${what}`,
    status: 200,
    send: () => raw("/api/me", { headers: { cookie: (cookie as () => string)() } }),
    then: async (r: Response) => {
      expect(await userOf(r)).not.toBe(f.victimId);
      expect(r.headers.get("set-cookie")).toContain("uid=");
    },
  })),

  // Cross-site POSTs: refused whatever the body; same-origin and non-browser clients pass.
  {
    name: "a cross-site POST (Sec-Fetch-Site)",
    status: 403,
    send: () => post(fresh(), api(), json({ code: unique("x = 1") }), JSON_TYPE, { "sec-fetch-site": "cross-site" }),
    then: async (r) => expect(((await r.json()) as { error: string }).error).toContain("another website"),
  },
  {
    name: "a same-site (other subdomain) POST",
    status: 403,
    send: () => post(fresh(), form(), "code=x", FORM, { "sec-fetch-site": "same-site" }),
  },
  {
    name: "a cross-origin form POST (Origin only)",
    status: 403,
    send: () => post(fresh(), form(), "code=x", FORM, { origin: "https://evil.example" }),
    then: async (r) => expect(await r.text()).toContain("another website"),
  },
  { name: "a POST with Origin: null", status: 403, send: () => post(fresh(), form(), "code=x", FORM, { origin: "null" }) },
  {
    name: "a POST whose Origin is only a prefix of ours",
    status: 403,
    send: () => post(fresh(), api(), json({ code: "x" }), JSON_TYPE, { origin: "http://localhost.evil.example" }),
  },
  {
    name: "a same-origin POST from the page",
    status: 202,
    send: () =>
      post(fresh(), api(), json({ code: unique("x = 1") }), JSON_TYPE, { origin: "http://localhost", "sec-fetch-site": "same-origin" }),
  },
  { name: "a POST without Origin (curl, k6)", status: 202, send: () => fresh().submit(f.aid, unique("x = 1")) },
  {
    name: "a cross-site GET of public data",
    status: 200,
    send: () => raw("/api/assignments", { headers: { "sec-fetch-site": "cross-site" } }),
  },

  // Injected HTML, script and htmx attributes in code: escaped in the editor.
  {
    name: "script and htmx attributes in code",
    status: 200,
    send: async () => {
      const c = fresh();
      const code = unique(`# </textarea><script>alert(1)</script><div hx-get="/api/me" hx-trigger="load">x</div>\nx = 1`);
      expect((await post(c, form(), new URLSearchParams({ code }).toString(), FORM)).status).toBe(303);
      return c.request(`/assignments/${f.aid}`);
    },
    then: async (r) => {
      const page = await r.text();
      expect(page).not.toContain("<script>alert(1)");
      expect(page).not.toContain('<div hx-get="/api/me"');
      expect(page).toContain("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    },
  },
];

function tamper(cookie: string): string {
  const last = cookie.at(-1) === "A" ? "B" : "A";
  return cookie.slice(0, -1) + last;
}

describe("bad input", () => {
  test("there are at least 40 cases", () => expect(cases.length).toBeGreaterThanOrEqual(40));
  for (const c of cases) {
    test(`${c.status} for ${c.name}`, async () => {
      const res = await c.send();
      expect(res.status).toBeLessThan(500);
      expect(res.status).toBe(c.status);
      await c.then?.(res);
      if (!res.bodyUsed) await res.body?.cancel();
    });
  }
});

describe("injected markup in what the code printed and in test messages", () => {
  const evil = {
    output:
      '<script>alert(1)</script><img src=x onerror=alert(1)>\n<div hx-get="/api/me" hx-trigger="load">h</div><hx-partial hx-target="#points">999</hx-partial>',
    message: "AssertionError: '<img src=x onerror=alert(2)>' != 'Hello'",
    call: "hello('<svg onload=alert(3)>')",
    expected: "'Hello'",
    actual: "'<script>alert(4)</script>'",
  };

  async function gradedWithEvil() {
    const c = fresh();
    const s = (await (await c.submit(f.aid, unique("x = 1"))).json()) as { id: number };
    await gradeByHand(t.ctx.db, s.id, {
      outcome: "failed",
      message: "0 of 1 tests passed.",
      output: evil.output,
      tests: [
        { name: "test_<b>bold</b>", passed: false, message: evil.message, call: evil.call, expected: evil.expected, actual: evil.actual },
      ],
    });
    return { c, id: s.id };
  }

  const assertEscaped = (html: string) => {
    for (const tag of ["<script>alert", "<img src=x", "<svg", '<div hx-get="/api/me"', '<hx-partial hx-target="#points">999', "<b>bold"]) {
      expect(html).not.toContain(tag);
    }
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;hx-partial");
    expect(html).toMatch(/data-testid="feedback" class="feedback" hx-ignore>/);
  };

  test("the page escapes them, inside a container htmx ignores", async () => {
    const { c } = await gradedWithEvil();
    const res = await c.request(`/assignments/${f.aid}`);
    expect(res.status).toBe(200);
    assertEscaped(await res.text());
  });

  test("the HTML event stream escapes them", async () => {
    const { c, id } = await gradedWithEvil();
    const res = await c.request(`/submissions/${id}/stream`);
    expect(res.status).toBe(200);
    assertEscaped(await res.text());
  });

  test("the JSON API returns them as data, labelled JSON and not to be sniffed", async () => {
    const { c, id } = await gradedWithEvil();
    const res = await c.json(`/api/submissions/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(((await res.json()) as { output: string }).output).toBe(evil.output);
  });
});
