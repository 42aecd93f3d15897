// The assignment page's student features, server side: feedback cards, history,
// "load this code" without JavaScript, the live endpoint for other tabs, the bundle.
import { afterAll, describe, expect, test } from "bun:test";
import { progressOf } from "../../src/assignments/service";
import type { TestResult } from "../../src/submissions/status";
import { GRADING_PAUSED, type Submission } from "../../src/submissions/view-model";
import { diffPair, feedback, humanName, splitMessage, withLineLinks } from "../../views/feedback";
import { html } from "../../views/html";
import { waitEstimate } from "../../views/submission";
import { Client, firstAssignment, makeApp, unique } from "../helpers/app";
import { gradeByHand } from "../helpers/grading";

const t = makeApp();
afterAll(() => t.close());

async function firstId() {
  return (await firstAssignment(t.app)).id;
}

async function graded(c: Client, assignment: number, code: string, tests: TestResult[], outcome = "failed") {
  const s = (await (await c.submit(assignment, code)).json()) as { id: number };
  await gradeByHand(t.ctx.db, s.id, { outcome: outcome as "failed", message: "1 of 2 tests passed.", tests });
  return s.id;
}

const FAILED: TestResult[] = [
  {
    name: "test_returns_hello",
    passed: false,
    message: "'hello' != 'Hello' : hello() should return \"Hello\"",
    call: "hello()",
    expected: "'Hello'",
    actual: "'hello'",
  },
  { name: "test_is_str", passed: true, message: "" },
];

describe("feedback pieces", () => {
  test("the differing part of expected and actual is marked, spaces made visible, all escaped", () => {
    const [e, a] = diffPair("'Hello'", "'hello  '");
    expect(html`${e}`.value).toBe(`&#39;<mark class="diff diff-expected">Hello</mark>&#39;`);
    expect(html`${a}`.value).toBe(`&#39;<mark class="diff diff-actual">hello<span class="ws" title="space">··</span></mark>&#39;`);
    const [x] = diffPair("<b>", "<i>");
    expect(html`${x}`.value).toBe(`&lt;<mark class="diff diff-expected">b</mark>&gt;`);
  });

  test("unittest's message splits into the test's sentence and what it compared; tracebacks apart", () => {
    expect(splitMessage("False is not true : hello() should start with H")).toEqual({
      hint: "hello() should start with H",
      detail: "False is not true",
      trace: "",
    });
    const raised = splitMessage('Your code raised NameError: x\n  File "solution.py", line 2, in f\n    return x');
    expect(raised.hint).toBe("Your code raised NameError: x");
    expect(raised.trace).toContain("line 2");
  });

  test("assertTrue's bare 'False is not true' is left out; what a comparison showed is kept", () => {
    const card = (message: string) =>
      feedback({
        status: "graded",
        outcome: "failed",
        message: "0 of 1 tests passed.",
        output: "",
        tests: [{ name: "test_starts_with_h", passed: false, message, call: "hello()" }],
      } as Submission).value;
    const bare = card("False is not true : hello() should start with H");
    expect(bare).toContain("hello() should start with H");
    expect(bare).not.toContain("is not true");
    expect(card("['a'] is not false : the list should be empty")).toContain("is not false");
    expect(card("3 not found in [1, 2] : 3 should be in the list")).toContain("3 not found in [1, 2]");
  });

  test("'line N' becomes a link to the editor; the rest stays escaped text", () => {
    const out = html`${withLineLinks('File "solution.py", line 12, in <module>')}`.value;
    expect(out).toBe('File &quot;solution.py&quot;, <a class="goto-line" href="#code" data-line="12">line 12</a>, in &lt;module&gt;');
  });

  test("test names read as words; waits are rough and honest", () => {
    expect(humanName("test_returns_hello")).toBe("Returns hello");
    expect(waitEstimate(0)).toBe("a few seconds");
    expect(waitEstimate(30)).toBe("about 40 seconds");
    expect(waitEstimate(200)).toBe("about 4 minutes");
  });
});

describe("the assignment page", () => {
  test("a result committed before its message is heard shows with its points, not beside a cached 0", async () => {
    const c = Client.forApp(t.app);
    const id = await firstId();
    const { userId } = (await (await c.json("/api/me")).json()) as { userId: string };
    const s = (await (await c.submit(id, unique("def hello():\n    return 'Hello'\n"))).json()) as { id: number };
    await Bun.sleep(200); // the queued message heard (it drops the user's cached answers)
    // The cache as a race can leave it: the points read and kept, the latest submission not.
    t.ctx.cache.users.invalidate(userId);
    expect((await progressOf(t.ctx, userId)).points).toBe(0);
    // What a grader does, without the message that tells the web processes (not heard yet).
    await gradeByHand(t.ctx.db, s.id, {
      outcome: "passed",
      message: "All 1 tests passed.",
      tests: [{ name: "test_hello", passed: true, message: "" }],
    });
    const page = await c.request(`/assignments/${id}`).then((r) => r.text());
    expect(page).toContain('data-outcome="passed"');
    expect(page).toContain('data-testid="points">100<');
  });

  test("references the content-hashed editor bundle, which is served; no inline style attributes (CSP)", async () => {
    const page = await (await Client.forApp(t.app).request(`/assignments/${await firstId()}`)).text();
    const src = /<script src="(\/public\/build\/editor-[0-9a-f]{12}\.js)" defer><\/script>/.exec(page)?.[1];
    expect(src).toBeDefined();
    const js = await Client.forApp(t.app).request(src!);
    expect(js.status).toBe(200);
    expect(page).not.toMatch(/\sstyle=/);
    expect(page).toContain('id="reset-starter" hidden'); // shown by the script only
    expect(page).toMatch(/data-starter="def hello\(\):/);
  });

  test("feedback cards for a failure; the earlier submission moves into the history with its code", async () => {
    const c = Client.forApp(t.app);
    const id = await firstId();
    const first = unique("def hello():\n    return '<first>'\n");
    const firstId_ = await graded(c, id, first, FAILED);
    await graded(c, id, unique("def hello():\n    return 'second'\n"), FAILED);
    const page = await (await c.request(`/assignments/${id}`)).text();
    expect(page).toContain('<li class="test fail">');
    expect(page).toContain('<mark class="diff diff-expected">H</mark>');
    const history = page.slice(page.indexOf('id="history"'));
    expect(history).toContain("&lt;first&gt;"); // the earlier code, escaped
    expect(history).not.toContain("'second'"); // the latest is the live widget, not history
    expect(history).toContain(`href="/assignments/${id}?from=${firstId_}#code"`);
    expect(history.match(/data-testid=/g)).toBeNull(); // the test hooks stay unique to the live widget
  });

  test("?from=<id> loads that submission's code into the textarea (without JavaScript); never another user's", async () => {
    const c = Client.forApp(t.app);
    const id = await firstId();
    const mine = unique("def hello():\n    return 'mine'\n");
    const s = await graded(c, id, mine, FAILED);
    await graded(c, id, unique("def hello():\n    return 'later'\n"), FAILED);
    const page = await (await c.request(`/assignments/${id}?from=${s}`)).text();
    expect(page).toContain(`data-from="${s}"`);
    expect(page).toMatch(/<textarea[^>]*>def hello\(\):\n {4}return &#39;mine&#39;/);

    const stranger = Client.forApp(t.app);
    const theirs = await (await stranger.request(`/assignments/${id}?from=${s}`)).text();
    expect(theirs).not.toContain("mine");
    expect(theirs).not.toContain("data-from");
    expect((await stranger.request(`/assignments/${id}?from=abc`)).status).toBe(200);
  });

  test("while pending, Submit is disabled with the reason, and the status gives a position and a wait (or says no grader runs)", async () => {
    const c = Client.forApp(t.app);
    const id = await firstId();
    await c.submit(id, unique("x = 1"));
    const page = await (await c.request(`/assignments/${id}`)).text();
    expect(page).toMatch(/<button type="submit"[^>]* disabled>Submit<\/button>/);
    expect(page).toContain("being graded");
    expect(page).toMatch(/data-status="queued"[^>]* data-pending>/); // what the browser's script reads
    expect(page).toContain(GRADING_PAUSED); // no grader runs beside these tests
    // A grader registered with a live heartbeat, as a grader registers itself.
    const { redis, keys } = t.ctx;
    const worker = `test-${crypto.randomUUID()}`;
    await redis.multi().set(keys.heartbeat(worker), "1", "EX", 30).sadd(keys.workers, worker).exec();
    try {
      expect(await (await c.request(`/assignments/${id}`)).text()).toMatch(/Waiting for a grader: .*(seconds|minute)/);
    } finally {
      await redis.multi().del(keys.heartbeat(worker)).srem(keys.workers, worker).exec();
    }
  });

  test("GET /assignments/:id/live answers the live widget, the history and the points (for other tabs)", async () => {
    const c = Client.forApp(t.app);
    const id = await firstId();
    await graded(c, id, unique("def hello(): return 1"), FAILED);
    const res = await c.request(`/assignments/${id}/live`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toStartWith('<section id="submission"');
    expect(body).toContain('<hx-partial hx-target="#history" hx-swap="outerHTML"><section id="history"');
    expect(body).toContain('<hx-partial hx-target="#points"');
  });
});
