// Server-rendered pages and the htmx/no-JS form, through app.handle.
import { afterAll, describe, expect, test } from "bun:test";
import { renderMarkdown } from "../../views/markdown";
import { Client, listAssignments, makeApp, unique } from "../helpers/app";
import { gradeByHand } from "../helpers/grading";

const t = makeApp();
afterAll(() => t.close());

async function ids() {
  return (await listAssignments(t.app)).map((a) => a.id);
}

const form = (code: string) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ code }).toString(),
});

async function finish(id: number, outcome: "passed" | "failed") {
  await gradeByHand(t.ctx.db, id, {
    outcome,
    message: "All 4 tests passed.",
    tests: [{ name: "test_x", passed: outcome === "passed", message: "" }],
  });
}

describe("pages", () => {
  test("/ takes a new visitor to the first assignment, and later to the first unsolved one", async () => {
    const c = Client.forApp(t.app);
    const [first, second] = await ids();
    const res = await c.request("/");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/assignments/${first}`);
    const s = (await (await c.submit(first!, `def hello(): return 'Hello' # ${Math.random()}`)).json()) as { id: number };
    await finish(s.id, "passed");
    expect((await c.request("/")).headers.get("location")).toBe(`/assignments/${second}`);
  });

  test("the assignment page has the handout, the starter in an editor, and the test hooks", async () => {
    const [first] = await ids();
    const res = await Client.forApp(t.app).request(`/assignments/${first}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    for (const hook of ['data-testid="points"', 'data-testid="submission-status"', 'data-testid="feedback"']) {
      expect(page).toContain(hook);
    }
    expect(page).toContain("<textarea");
    expect(page).toContain("def hello():");
    expect(page).toContain("<code>hello</code>");
    expect(page).toMatch(/src="\/public\/vendor\/htmx\.min\.js\?v=[0-9a-f]{16}"/);
  });

  test("the list shows every assignment and the visitor's points", async () => {
    const page = await (await Client.forApp(t.app).request("/assignments")).text();
    expect(page).toContain("Hello world");
    expect(page).toMatch(/data-testid="points">0</);
  });

  test("unknown assignment: a 404 page", async () => {
    const res = await Client.forApp(t.app).request("/assignments/987654");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("was not found");
  });

  test("Markdown handouts cannot carry HTML or script links", () => {
    const out = renderMarkdown("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>").value;
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    expect(out).not.toContain('href="javascript:');
  });
});

describe("the submit form", () => {
  test("without JavaScript: 303 back to the page, which refreshes itself while pending", async () => {
    const c = Client.forApp(t.app);
    const [, second] = await ids();
    const res = await c.request(`/assignments/${second}/submit`, form("def hello():\n    return '<b>hi</b>'\n"));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/assignments/${second}`);
    const page = await (await c.request(`/assignments/${second}`)).text();
    expect(page).toContain('<noscript><meta http-equiv="refresh"');
    expect(page).toContain('data-status="queued"');
    expect(page).toContain("&lt;b&gt;hi&lt;/b&gt;"); // the code is escaped in the editor
    expect(page).not.toContain("<b>hi</b>");
  });

  test("with htmx: 202 and the live widget, connected to its stream", async () => {
    const c = Client.forApp(t.app);
    const [first] = await ids();
    const res = await c.request(`/assignments/${first}/submit`, {
      ...form(unique("x = 1")),
      headers: { ...form("").headers, "hx-request": "true" },
    });
    expect(res.status).toBe(202);
    const html = await res.text();
    expect(html).toStartWith('<section id="submission"');
    expect(html).toMatch(/hx-sse:connect="\/submissions\/\d+\/stream"/);
  });

  test("errors come back in words: 409 while pending, 422 for empty code", async () => {
    const c = Client.forApp(t.app);
    const [first] = await ids();
    expect((await c.request(`/assignments/${first}/submit`, form(unique("x = 1")))).status).toBe(303);
    const conflict = await c.request(`/assignments/${first}/submit`, form(unique("x = 2")));
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toContain("Wait for its result");
    const empty = await Client.forApp(t.app).request(`/assignments/${first}/submit`, {
      ...form("  "),
      headers: { ...form("").headers, "hx-request": "true" },
    });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("The code is empty");
  });

  test("the HTML stream sends the widget, the new points, then `done`", async () => {
    const c = Client.forApp(t.app);
    const [first] = await ids();
    const s = (await (await c.submit(first!, `def hello(): return 'Hello' # ${Math.random()}`)).json()) as { id: number };
    await finish(s.id, "passed");
    const res = await c.request(`/submissions/${s.id}/stream`);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const text = await res.text();
    expect(text).toContain('data-status="graded"');
    expect(text).toContain("+100 points");
    expect(text).toContain('data-testid="next-assignment"');
    expect(text).toMatch(/<hx-partial hx-target="#points"[^>]*><span id="points" data-testid="points">100<\/span>/);
    expect(text.trimEnd()).toEndWith("event: done\ndata: end");
  });
});
