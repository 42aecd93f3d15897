// The student loop: submit, wait for the graded event on the stream, submit again.
// Reports time_to_feedback (POST until the final event) as its own trend.
// The server ends the stream after the final state, so a plain GET returns with every event.
// Needs graders running, and limits fit for one machine playing many students (each VU is
// one student), e.g. SUBMISSIONS_PER_MINUTE=100000 SUBMISSIONS_PER_MINUTE_PER_IP=100000
// on the web process.

import { check } from "k6";
import http from "k6/http";
import { Trend } from "k6/metrics";
import { assignments, BASE, options as base } from "./lib.js";

export const options = base();
const timeToFeedback = new Trend("time_to_feedback", true);

const CODE = {
  hello: "def hello():\n    return 'Hello'\n",
  sum: "def sum(a, b):\n    return a + b\n",
};

function lastStatus(body) {
  const events = body.split("\n\n").filter((e) => e.includes("event: status"));
  const data = events.length ? events[events.length - 1].split("\n").find((l) => l.startsWith("data: ")) : null;
  return data ? JSON.parse(data.slice(6)) : null;
}

export default function () {
  const list = assignments();
  const target = list.find((a) => a.slug === (__ITER % 2 ? "sum" : "hello"));
  // A comment makes the code new, so it is graded rather than answered from an earlier result.
  const code = `${CODE[target.slug]}# vu ${__VU} iteration ${__ITER} ${Date.now()}\n`;
  const started = Date.now();
  const post = http.post(`${BASE}/api/assignments/${target.id}/submissions`, JSON.stringify({ code }), {
    headers: { "Content-Type": "application/json" },
  });
  if (!check(post, { "submission accepted (202)": (r) => r.status === 202 })) return;
  const id = post.json().id;
  const stream = http.get(`${BASE}/api/submissions/${id}/events`, { timeout: "60s" });
  const final = lastStatus(stream.body || "");
  timeToFeedback.add(Date.now() - started);
  check(final, {
    graded: (s) => s !== null && s.status === "graded",
    correct: (s) => s !== null && s.correct === true,
  });
}
