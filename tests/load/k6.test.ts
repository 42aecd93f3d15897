// The k6 scripts of tests/k6/ run through a k6-compatible shim (tests/helpers/k6/) against
// a real web process and a real grader, so a broken script fails here. Correctness only:
// the smoke profile is far too small to measure anything, and k6 itself is not installed.
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { problems, runK6, scriptDir } from "../helpers/k6/run";
import { freePort, type Proc, startGrader, startWeb } from "../helpers/processes";

setDefaultTimeout(30_000);

const port = freePort();
const base = `http://127.0.0.1:${port}`;
const smoke = { BASE_URL: base, PROFILE: "smoke" }; // 2 VUs, 10 iterations in all
let procs: Proc[] = [];
let dir: string;

beforeAll(async () => {
  dir = scriptDir();
  procs = await Promise.all([startWeb(port), startGrader()]);
});

afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop()));
  rmSync(dir, { recursive: true, force: true });
});

const total = (checks: Record<string, { passes: number }>) => Object.values(checks).reduce((n, c) => n + c.passes, 0);

test("page.js: the assignment page passes every check", async () => {
  const r = await runK6(dir, "page.js", smoke);
  expect(problems(r)).toEqual([]);
  expect(r.iterations).toBe(10);
  expect(r.checks).toEqual({ "status 200": { passes: 10, fails: 0 }, "has the points counter": { passes: 10, fails: 0 } });
});

test("api.js: the JSON API passes every check", async () => {
  const r = await runK6(dir, "api.js", smoke);
  expect(problems(r)).toEqual([]);
  expect(total(r.checks)).toBe(30);
  expect(r.requests.length).toBe(30); // list, one assignment, me
});

test("loop.js: every submission is graded correct, with a time to feedback each", async () => {
  const r = await runK6(dir, "loop.js", smoke);
  expect(problems(r)).toEqual([]);
  expect(r.checks["submission accepted (202)"]).toEqual({ passes: 10, fails: 0 });
  expect(r.checks.graded).toEqual({ passes: 10, fails: 0 });
  expect(r.checks.correct).toEqual({ passes: 10, fails: 0 });
  expect(r.trends.time_to_feedback).toHaveLength(10);
  expect(r.trends.time_to_feedback!.every((ms) => ms > 0 && ms < 30_000)).toBe(true);
});

test("rush.js: every submission gets exactly one result, the outcome its code must get", async () => {
  const r = await runK6(dir, "rush.js", { ...smoke, RUSH_HOSTILE: "0" }); // hostile code costs a grader 5 s: not in a smoke run
  expect(problems(r)).toEqual([]);
  expect(r.checks["submission accepted (202)"]).toEqual({ passes: 10, fails: 0 });
  expect(r.checks["exactly one result"]).toEqual({ passes: 10, fails: 0 });
  expect(r.checks["the outcome its code must get"]).toEqual({ passes: 10, fails: 0 });
  expect(r.trends.time_to_feedback).toHaveLength(10);
});

test("a wrong BASE_URL makes a script fail: failed checks, failed requests, errors", async () => {
  const r = await runK6(dir, "api.js", { ...smoke, BASE_URL: `${base}/wrong` });
  expect(r.checks["list 200"]).toEqual({ passes: 0, fails: 10 });
  expect(r.requests.every((q) => q.failed && q.status === 404)).toBe(true);
  expect(r.errors).toHaveLength(10); // list.json()[...].id on the 404's body throws
  expect(problems(r).length).toBeGreaterThan(0);
});

test("a wrong expectation fails its check, bad JSON handling throws, and each VU keeps its own cookie", async () => {
  writeFileSync(
    join(dir, "wrong.js"),
    `
    import http from "k6/http";
    import { check, sleep } from "k6";
    export const options = { vus: 2, duration: "2s" };
    export default function () {
      const me = http.get(\`\${__ENV.BASE_URL}/api/me\`).json();
      const again = http.get(\`\${__ENV.BASE_URL}/api/me\`).json();
      check(again, { ["user " + me.userId]: (m) => m.userId === me.userId });
      if (check(http.get(\`\${__ENV.BASE_URL}/health\`), { "health 201": (r) => r.status === 201 })) throw new Error("check() returned true");
      sleep(0.1);
      http.get(\`\${__ENV.BASE_URL}/assignments\`).json(); // HTML, not JSON
    }
  `,
  );
  const r = await runK6(dir, "wrong.js", { BASE_URL: base });
  expect(r.checks["health 201"]!.fails).toBe(r.iterations);
  expect(r.checks["health 201"]!.passes).toBe(0);
  expect(r.errors).toHaveLength(r.iterations);
  expect(r.errors[0]).toContain("JSON");
  // Two VUs, two users, each the same user on every request; up to 2 s / 0.1 s iterations each.
  const users = Object.entries(r.checks).filter(([name]) => name.startsWith("user "));
  expect(users).toHaveLength(2);
  expect(users.every(([, c]) => c.fails === 0 && c.passes >= 2)).toBe(true);
  expect(r.iterations).toBeGreaterThanOrEqual(4);
  expect(r.requests.some((q) => q.failed)).toBe(false);
});
