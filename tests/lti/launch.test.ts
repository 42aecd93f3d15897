// LTI launches through the real routes against a real test platform on loopback: the whole
// flow, roles and courses, the assignment a link opens, the staff page and the tool's keys.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { addPlatform } from "../../src/lti/platforms";
import { appsForThisFile, Client } from "../helpers/app";
import { ROLE, startPlatform, type TestPlatform } from "../helpers/lti-platform";
import { counts, launch, ltiDatabase, register, TOOL } from "./helpers";

const apps = appsForThisFile();
const STAFF_EMAIL = "boss@example.edu";
const main = apps({ ...(await ltiDatabase()), LTI_JWKS_COOLDOWN_SECONDS: "1", STAFF_EMAILS: STAFF_EMAIL });
let p: TestPlatform;
beforeAll(async () => {
  p = await startPlatform(TOOL);
  await register(main.ctx, p);
});
afterAll(() => p?.close());

const learner = () => ({ sub: `s-${crypto.randomUUID()}`, name: "Grace Hopper", email: "Grace@Uni.example", roles: [ROLE.learner] });
const slugId = async (slug: string) => (await main.ctx.cache.catalog.get()).rows.find((a) => a.slug === slug)!.id;

describe("a launch", () => {
  test("opens the assignment named by the custom parameter, signed in, and records course, roles and link", async () => {
    const c = Client.forApp(main.app);
    const user = learner();
    const res = await launch(c, p, { user, slug: "hello", resourceLinkId: "link-hello" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/assignments/${await slugId("hello")}`);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Partitioned");
    const page = await (await c.request(res.headers.get("location")!)).text();
    expect(page).toContain('data-testid="account-name">Grace Hopper<');
    expect(page).toContain('data-testid="lti-new-window"');
    const [m] = await main.ctx.sql`
      select m.roles, m.staff, c.context_id, c.title, c.label, a.email from lti_memberships m
      join lti_contexts c on c.id = m.context_id join accounts a on a.user_id = m.user_id where a.subject = ${user.sub}`;
    expect(m).toMatchObject({
      roles: [ROLE.learner],
      staff: false,
      context_id: "course-1",
      title: "Programming 1",
      label: "PROG1",
      email: "grace@uni.example",
    });
    const [link] = await main.ctx.sql`select assignment_id from lti_resource_links where resource_link_id = 'link-hello'`;
    expect(link!.assignment_id).toBe(await slugId("hello"));
  });

  test("a second launch of the same user is the same account; a link without the parameter keeps its recorded assignment", async () => {
    const c = Client.forApp(main.app);
    const user = learner();
    await launch(c, p, { user, slug: "hello", resourceLinkId: "link-kept" });
    const other = Client.forApp(main.app); // another device
    const res = await launch(other, p, { user, resourceLinkId: "link-kept" });
    expect(res.headers.get("location")).toBe(`/assignments/${await slugId("hello")}`);
    expect(other.cookie).toBe(c.cookie);
  });

  test("a link that names no assignment opens the list; an unknown slug is a 400 in words that writes nothing", async () => {
    const c = Client.forApp(main.app);
    expect((await launch(c, p, { user: learner(), resourceLinkId: `l-${crypto.randomUUID()}` })).headers.get("location")).toBe(
      "/assignments",
    );
    const before = await counts(main.ctx);
    const res = await launch(Client.forApp(main.app), p, { user: learner(), slug: "no-such-thing" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("which PyPractice does not have");
    expect(await counts(main.ctx)).toEqual(before);
  });

  test("inside the LMS's iframe the cookie is SameSite=None; Secure; Partitioned", async () => {
    const res = await launch(Client.forApp(main.app), p, { user: learner(), slug: "hello" }, { "sec-fetch-dest": "iframe" });
    expect(res.status).toBe(303);
    const cookie = res.headers.get("set-cookie")!;
    for (const attr of ["SameSite=None", "Secure", "Partitioned", "HttpOnly"]) expect(cookie).toContain(attr);
  });

  test("anonymous progress in the same browser waits for the student's choice", async () => {
    const c = Client.forApp(main.app);
    const a = await slugId("hello");
    await main.ctx
      .sql`insert into completions (user_id, assignment_id, submission_id) values (${((await c.request("/api/me").then((r) => r.json())) as { userId: string }).userId}, ${a}, 0)`;
    const res = await launch(c, p, { user: learner(), slug: "hello" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/auth/claim");
    expect((await c.request("/auth/claim")).status).toBe(200);
  });

  test("the platform's new signing key is fetched on its unknown kid", async () => {
    await p.rotate();
    await Bun.sleep(1100); // LTI_JWKS_COOLDOWN_SECONDS=1: the floor on fetching the keys again
    expect((await launch(Client.forApp(main.app), p, { user: learner(), slug: "hello" })).status).toBe(303);
  });
});

describe("roles", () => {
  const OTHER_LMS = "https://other-lms.example";
  beforeAll(() =>
    addPlatform(main.ctx, {
      issuer: OTHER_LMS,
      clientId: "other",
      deploymentIds: ["1"],
      authUrl: `${OTHER_LMS}/auth`,
      tokenUrl: `${OTHER_LMS}/token`,
      jwksUrl: `${OTHER_LMS}/jwks`,
      frameOrigins: [],
    }),
  );

  test("an instructor or TA is staff: the header links /staff and /staff/lti shows the tool's values", async () => {
    for (const role of [ROLE.instructor, ROLE.ta]) {
      const c = Client.forApp(main.app);
      await launch(c, p, { user: { sub: `t-${crypto.randomUUID()}`, name: "Teacher", roles: [role] }, slug: "hello" });
      expect((await c.request("/staff")).status).toBe(200);
      expect((await c.request("/api/staff/students")).status).toBe(200);
      const page = await (await c.request("/staff/lti")).text();
      expect(page).toContain(`data-testid="lti-login-url">${TOOL}/lti/login<`);
      expect(page).toContain(`data-testid="lti-launch-url">${TOOL}/lti/launch<`);
      expect(page).toContain(`data-testid="lti-jwks-url">${TOOL}/lti/jwks<`);
      expect(page).toContain(p.issuer);
      expect(page).not.toContain(OTHER_LMS); // registered, but not an LMS they teach from
      expect(await (await c.request("/assignments")).text()).toContain('data-testid="staff-link"');
    }
  });

  test("an LMS's e-mail claim never makes staff, even a STAFF_EMAILS address", async () => {
    const c = Client.forApp(main.app);
    await launch(c, p, { user: { ...learner(), email: STAFF_EMAIL.toUpperCase() }, slug: "hello" });
    const me = (await (await c.request("/api/me")).json()) as { account: { email: string }; staff: boolean };
    expect(me.account.email).toBe(STAFF_EMAIL);
    expect(me.staff).toBe(false);
    for (const path of ["/staff", "/api/staff/students"]) expect((await c.request(path)).status).toBe(403);
  });

  test("a learner gets 403 with a sentence on every staff route", async () => {
    const c = Client.forApp(main.app);
    await launch(c, p, { user: learner(), slug: "hello" });
    for (const path of ["/staff", "/staff/lti", "/api/staff/students", "/staff/export.csv"]) {
      const res = await c.request(path);
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/staff only/);
    }
  });

  test("an instructor launched again as a learner is staff no more", async () => {
    const c = Client.forApp(main.app);
    const user = { sub: `t-${crypto.randomUUID()}`, name: "Former", roles: [ROLE.instructor] };
    await launch(c, p, { user, slug: "hello" });
    expect((await c.request("/staff")).status).toBe(200);
    await launch(c, p, { user: { ...user, roles: [ROLE.learner] }, slug: "hello" });
    expect((await c.request("/staff")).status).toBe(403);
  });
});

describe("the tool's pages", () => {
  test("/lti/jwks publishes an RSA public key without its private parts", async () => {
    const res = await Client.forApp(main.app).request("/lti/jwks");
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThan(0);
    expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    for (const k of keys) for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(k[secret]).toBeUndefined();
  });

  test("pages may be framed by the registered LMS, and no other", async () => {
    await main.ctx.cache.framing.refresh();
    const res = await Client.forApp(main.app).request("/assignments");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain(`frame-ancestors 'self' ${p.issuer}`);
    expect(res.headers.get("x-frame-options")).toBeNull();
  });

  test("Open in a new window: a one-time ticket signs the new window in", async () => {
    const framed = Client.forApp(main.app);
    const res = await launch(framed, p, { user: learner(), slug: "hello" }, { "sec-fetch-dest": "iframe" });
    const page = await (
      await framed.request("/lti/window", { method: "POST", headers: { referer: `${TOOL}${res.headers.get("location")}` } })
    ).text();
    const href = /href="(\/lti\/enter\?ticket=[^"]+)"/.exec(page)![1]!;
    const top = new Client((r) => main.app.handle(r));
    const entered = await top.request(href);
    expect(entered.status).toBe(303);
    expect(entered.headers.get("location")).toBe(res.headers.get("location"));
    expect(top.cookie).toBe(framed.cookie);
    const again = await new Client((r) => main.app.handle(r)).request(href);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("expired or was already used");
  });

  test("an anonymous visitor cannot make a ticket", async () => {
    expect((await Client.forApp(main.app).request("/lti/window", { method: "POST" })).status).toBe(403);
  });
});

describe("Delete my data", () => {
  test("removes the user's course memberships (an instructor deleted is no longer staff), launches and scores", async () => {
    const c = Client.forApp(main.app);
    const user = { sub: `i-${crypto.randomUUID()}`, name: "Ida Instructor", roles: [ROLE.instructor] };
    await launch(c, p, { user, slug: "hello" });
    const [row] = await main.ctx.sql<{ user_id: string }[]>`select user_id from accounts where subject = ${user.sub}`;
    const id = row!.user_id;
    expect((await c.request("/staff")).status).toBe(200);
    const res = await c.request("/me/delete", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "confirm=yes",
    });
    expect(res.status).toBe(200);
    const [left] = await main.ctx.sql`
      select (select count(*)::int from lti_memberships where user_id = ${id}) as memberships,
             (select count(*)::int from lti_launches where user_id = ${id}) as launches,
             (select count(*)::int from lti_scores where user_id = ${id}) as scores`;
    expect(left).toEqual({ memberships: 0, launches: 0, scores: 0 });
    expect((await c.request("/staff")).status).toBe(403);
  });
});
