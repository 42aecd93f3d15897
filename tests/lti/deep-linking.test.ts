// Deep Linking through the real routes against the test platform: an instructor's request
// opens the picker, the choice goes back as a JWT the platform verifies against our JWKS,
// with one LtiResourceLink per assignment (custom parameter, line item of 100), the LMS's
// data echoed and its limits honoured; a link made so opens its assignment. Learners and
// strangers are refused in words.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { appsForThisFile, Client } from "../helpers/app";
import { ROLE, startPlatform, type TestPlatform } from "../helpers/lti-platform";
import { counts, jwksOf, launch, ltiDatabase, register, TOOL } from "./helpers";

const apps = appsForThisFile();
const main = apps(await ltiDatabase());
let p: TestPlatform;
beforeAll(async () => {
  p = await startPlatform(TOOL, { toolJwks: jwksOf(main.app) });
  await register(main.ctx, p);
});
afterAll(() => p?.close());

const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const FRAMED = { "sec-fetch-dest": "iframe" };
const person = (roles: string[]) => ({ sub: `u-${crypto.randomUUID()}`, name: "Ines Instructor", roles });
const form = (body: string, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", ...headers },
  body,
});

/** An instructor's Deep Linking launch inside the LMS's iframe: the client and the picker's path. */
async function openPicker(settings: Parameters<TestPlatform["deepLinkingClaims"]>[0] = {}) {
  const c = Client.forApp(main.app);
  const res = await launch(
    c,
    p,
    { user: person([ROLE.instructor]), messageType: "LtiDeepLinkingRequest", claims: p.deepLinkingClaims(settings) },
    FRAMED,
  );
  expect(res.status).toBe(303);
  const picker = res.headers.get("location")!;
  expect(picker).toMatch(/^\/lti\/deep-link\/[0-9a-f-]{36}$/);
  return { c, picker };
}

/** The return page's form: where it posts and the JWT it carries. */
function returned(page: string) {
  return {
    action: /<form id="lti-return" method="post" action="([^"]+)"/.exec(page)![1]!,
    jwt: /name="JWT" value="([^"]+)"/.exec(page)![1]!,
  };
}

describe("Deep Linking", () => {
  test("the picker lists modules and assignments; two picked go back signed, with line items and the LMS's data", async () => {
    const { c, picker } = await openPicker({ data: "opaque <&> data" });
    const page = await (await c.request(picker)).text();
    expect(page).toContain('data-testid="lti-picker"');
    expect(page).toContain('type="checkbox" name="assignment" value="hello"');
    expect(page).toMatch(/name="module" value="[^"]+"/);
    const res = await c.request(picker, form("assignment=hello&assignment=sum"));
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain(`form-action ${p.issuer}`);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("form-action 'self'");
    const body = await res.text();
    const { action, jwt } = returned(body);
    expect(action).toBe(`${p.issuer}/deep-link-return`);
    // The other pages keep form-action 'self'.
    expect((await c.request("/assignments")).headers.get("content-security-policy")).toContain("form-action 'self'");

    const lms = await fetch(action, { method: "POST", body: new URLSearchParams({ JWT: jwt }) });
    expect(lms.status).toBe(200);
    const payload = p.deepLinks.at(-1)!;
    expect(payload[`${LTI}message_type`]).toBe("LtiDeepLinkingResponse");
    expect(payload[`${LTI}deployment_id`]).toBe(p.deploymentId);
    expect(payload[`${DL}data`]).toBe("opaque <&> data");
    const items = payload[`${DL}content_items`] as Record<string, unknown>[];
    expect(items.map((i) => (i.custom as { assignment: string }).assignment)).toEqual(["hello", "sum"]);
    expect(items[0]).toMatchObject({
      type: "ltiResourceLink",
      title: "Hello",
      url: `${TOOL}/lti/launch`,
      lineItem: { scoreMaximum: 100, label: "Hello", resourceId: "hello" },
    });

    // Sent once: the same choice again is refused.
    const again = await c.request(picker, form("assignment=hello"));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("already sent");
  });

  test("a whole module becomes one activity per assignment, in course order", async () => {
    const { c, picker } = await openPicker();
    const catalog = await main.ctx.cache.catalog.get();
    const module = [...catalog.modules.values()][1]!;
    const inModule = catalog.rows.filter((a) => a.moduleId === module.id).map((a) => a.slug);
    const res = await c.request(picker, form(`module=${module.slug}&assignment=${inModule[0]}`));
    const { jwt } = returned(await res.text());
    await fetch(`${p.issuer}/deep-link-return`, { method: "POST", body: new URLSearchParams({ JWT: jwt }) });
    const items = p.deepLinks.at(-1)![`${DL}content_items`] as { custom: { assignment: string } }[];
    expect(items.map((i) => i.custom.assignment)).toEqual(inModule);
  });

  test("accept_multiple false: one assignment only (radio buttons; two are a 422 in words); nothing picked is a 422", async () => {
    const { c, picker } = await openPicker({ acceptMultiple: false });
    const page = await (await c.request(picker)).text();
    expect(page).toContain('type="radio" name="assignment" value="hello"');
    expect(page).not.toContain('name="module"');
    const two = await c.request(picker, form("assignment=hello&assignment=sum"));
    expect(two.status).toBe(422);
    expect(await two.text()).toContain("accepts one activity");
    expect((await c.request(picker, form(""))).status).toBe(422);
    expect((await c.request(picker, form("assignment=hello"))).status).toBe(200);
  });

  test("a platform that does not accept resource links is told so; a learner's request is 403; neither writes anything", async () => {
    const before = await counts(main.ctx);
    const odd = await launch(
      Client.forApp(main.app),
      p,
      { user: person([ROLE.instructor]), messageType: "LtiDeepLinkingRequest", claims: p.deepLinkingClaims({ acceptTypes: ["file"] }) },
      FRAMED,
    );
    expect(odd.status).toBe(400);
    expect(await odd.text()).toContain("PyPractice offers LTI resource links only");
    const learner = await launch(
      Client.forApp(main.app),
      p,
      { user: person([ROLE.learner]), messageType: "LtiDeepLinkingRequest", claims: p.deepLinkingClaims() },
      FRAMED,
    );
    expect(learner.status).toBe(403);
    expect(await learner.text()).toContain("only an instructor or teaching assistant of the course");
    expect(await counts(main.ctx)).toEqual(before);
  });

  test("hostile: a learner, a stranger or another site posting the instructor's choice is refused, and nothing is sent", async () => {
    const { picker } = await openPicker();
    const student = Client.forApp(main.app);
    await launch(student, p, { user: person([ROLE.learner]), slug: "hello" }, FRAMED);
    const res = await student.request(picker, form("assignment=hello"));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("belongs to the instructor who opened it");
    expect((await student.request(picker)).status).toBe(403);
    expect((await Client.forApp(main.app).request(picker, form("assignment=hello"))).status).toBe(403);
    const made = await Client.forApp(main.app).request(`/lti/deep-link/${crypto.randomUUID()}`, form("assignment=hello"));
    expect([400, 403]).toContain(made.status);
    const { c } = await openPicker();
    expect((await c.request(picker, form("assignment=hello", { "sec-fetch-site": "cross-site" }))).status).toBe(403);
  });

  test("a link made by Deep Linking opens its assignment", async () => {
    const item = { custom: { assignment: "sum" } };
    const res = await launch(Client.forApp(main.app), p, {
      user: person([ROLE.learner]),
      resourceLinkId: `dl-${crypto.randomUUID()}`,
      claims: { [`${LTI}custom`]: item.custom },
    });
    const sum = (await main.ctx.cache.catalog.get()).rows.find((a) => a.slug === "sum")!;
    expect(res.headers.get("location")).toBe(`/assignments/${sum.id}`);
  });
});
