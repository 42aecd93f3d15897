// The deadline rush for k6 (bench/rush.ts is the same scenario in `bun run bench`): each VU
// is a student with the assignment page open, who pauses a random while (≈ RUSH_RATE
// submissions a second from all VUs together), submits to `sum` (a third wrong, some code
// identical to other students', a few hostile: an endless loop, a memory hog) and waits for
// the result on the submission's event stream. Reports time_to_feedback (POST until the
// result) and checks that every submission gets exactly one result, the one its code must get.
// The stream is read as a plain GET that returns once the server ends it after the result
// (as loop.js does): k6 has no EventSource without extensions.
//
//   k6 run -e BASE_URL=http://localhost:8080 tests/k6/rush.js    # 2,000 VUs, ≈ 60/s, 120 s
//   k6 run -e BASE_URL=... -e RUSH_STUDENTS=200 -e RUSH_RATE=10 -e RUSH_SECONDS=20 tests/k6/rush.js
//
// Needs graders running and the web process's limits raised for one machine playing every
// student (SUBMISSIONS_PER_MINUTE_PER_IP, STREAMS_PER_MINUTE_PER_IP, QUEUE_CAP), and as many
// open files for k6 as students (ulimit -n). PROFILE=smoke: 2 VUs, 10 iterations, no pauses.

import { check, sleep } from "k6";
import http from "k6/http";
import { Trend } from "k6/metrics";
import { assignments, BASE, options as base } from "./lib.js";

const num = (name, fallback) => Number(__ENV[name] || fallback);
const SMOKE = __ENV.PROFILE === "smoke";
const STUDENTS = num("RUSH_STUDENTS", 2000);
const RATE = num("RUSH_RATE", 60);
const WRONG = num("RUSH_WRONG", 1 / 3);
const SAME = num("RUSH_SAME", 0.1);
const HOSTILE = num("RUSH_HOSTILE", 0.002);

export const options = SMOKE ? base() : base({ vus: STUDENTS, duration: `${num("RUSH_SECONDS", 120)}s` });
const timeToFeedback = new Trend("time_to_feedback", true);

const RIGHT = "def sum(a, b):\n    return a + b\n";
const WRONG_CODE = "def sum(a, b):\n    return a - b\n";
const LOOP = "def sum(a, b):\n    while True:\n        pass\n";
const MEMORY = 'def sum(a, b):\n    hoard = []\n    while True:\n        hoard.append("x" * 1_000_000)\n';

/** The code of one submission and the outcome it must get. */
function pick() {
  const tag = `# vu ${__VU} iteration ${__ITER} ${Date.now()}\n`;
  const r = Math.random();
  if (r < HOSTILE) return r < HOSTILE / 2 ? { code: LOOP + tag, outcome: "time_limit" } : { code: MEMORY + tag, outcome: "memory_limit" };
  const wrong = Math.random() < WRONG;
  const code = wrong ? WRONG_CODE : RIGHT;
  return { code: Math.random() < SAME ? code : code + tag, outcome: wrong ? "failed" : "passed" };
}

/** The final states (graded or error) in a stream's body. */
function finals(body) {
  return body
    .split("\n\n")
    .filter((e) => e.includes("event: status"))
    .map((e) =>
      JSON.parse(
        e
          .split("\n")
          .find((l) => l.startsWith("data: "))
          .slice(6),
      ),
    )
    .filter((s) => s.status === "graded" || s.status === "error");
}

let sum = null;

export default function () {
  if (sum === null) {
    sum = assignments().find((a) => a.slug === "sum");
    http.get(`${BASE}/assignments/${sum.id}`); // the page, and with it this student's cookie
  }
  // Exponential pauses: each student's submissions are a Poisson stream, RATE / STUDENTS a second.
  if (!SMOKE) sleep(-Math.log(1 - Math.random()) * (STUDENTS / RATE));
  const { code, outcome } = pick();
  const started = Date.now();
  const post = http.post(`${BASE}/api/assignments/${sum.id}/submissions`, JSON.stringify({ code }), {
    headers: { "Content-Type": "application/json" },
  });
  if (!check(post, { "submission accepted (202)": (r) => r.status === 202 })) return;
  const stream = http.get(`${BASE}/api/submissions/${post.json().id}/events`, { timeout: "120s" });
  const results = finals(stream.body || "");
  timeToFeedback.add(Date.now() - started);
  check(results, {
    "exactly one result": (rs) => rs.length === 1,
    "the outcome its code must get": (rs) => rs.length > 0 && rs[0].status === "graded" && rs[0].outcome === outcome,
  });
}
