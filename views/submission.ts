// The live submission widget: rendered by the page, the POST response and the event
// stream alike, so all three always agree.
import type { Submission } from "../src/submissions/view-model";
import { html, type Raw } from "./html";

export interface WidgetProps {
  submission?: Submission;
  nextId?: number;
  /** an error to show instead of (or above) the submission, e.g. "already pending" */
  error?: string;
}

const OUTCOME_LABELS: Record<string, string> = {
  passed: "Passed",
  failed: "Some tests failed",
  syntax_error: "Syntax error",
  runtime_error: "Your code raised an error",
  time_limit: "Time limit exceeded",
  memory_limit: "Memory limit exceeded",
  output_limit: "Too much output",
};

export const isPending = (s?: Submission) => s?.status === "queued" || s?.status === "grading";

export function submissionWidget(p: WidgetProps): Raw {
  const s = p.submission;
  const live = isPending(s) && s
    ? html` hx-sse:connect="/submissions/${s.id}/stream" hx-sse:close="done"`
    : "";
  return html`<section id="submission" class="submission" aria-live="polite"${live}>${submissionBody(p)}</section>`;
}

/**
 * The feedback holds what the user's code printed and returned. It is escaped like all
 * content; `hx-ignore` (htmx 4's name for htmx 2's hx-disable) also keeps htmx from acting
 * on any htmx attribute that might ever get through in there.
 */
export function submissionBody(p: WidgetProps): Raw {
  const s = p.submission;
  return html`
${p.error ? html`<p class="error" role="alert">${p.error}</p>` : ""}
${statusLine(s)}
<div data-testid="feedback" class="feedback" hx-ignore>${s ? feedback(s, p.nextId) : ""}</div>`;
}

function statusLine(s?: Submission): Raw {
  if (!s) {
    return html`<p data-testid="submission-status" class="status" data-status="none">Not submitted yet. Write your code and press Submit.</p>`;
  }
  let text: string;
  if (s.status === "queued") {
    text = s.position ? `Waiting for a grader: ${s.position} ahead of you.` : "Waiting for a grader: you are next.";
  } else if (s.status === "grading") {
    text = "Running the tests…";
  } else if (s.status === "error") {
    text = s.message ?? "This submission could not be graded. Please submit again.";
  } else {
    text = OUTCOME_LABELS[s.outcome ?? ""] ?? "";
  }
  return html`<p data-testid="submission-status" class="status status-${s.status} outcome-${s.outcome ?? "none"}"
    data-status="${s.status}" data-outcome="${s.outcome ?? ""}"><span class="badge">${s.status}</span> ${text}</p>`;
}

function feedback(s: Submission, nextId?: number): Raw {
  if (s.status !== "graded") return html``;
  return html`
${s.correct ? success(s, nextId) : html`<p class="summary">${s.message}</p>`}
${s.tests.length > 0 ? html`<ol class="tests">${s.tests.map((t) => html`
  <li class="test ${t.passed ? "pass" : "fail"}">
    <span class="mark" aria-hidden="true">${t.passed ? "✓" : "✗"}</span>
    <span class="name">${t.name}</span> <span class="sr">${t.passed ? "passed" : "failed"}</span>
    ${t.call ? html`<div class="detail"><span class="label">Call</span> <code>${t.call}</code></div>` : ""}
    ${t.expected !== undefined ? html`<div class="detail"><span class="label">Expected</span> <code>${t.expected}</code></div>
    <div class="detail"><span class="label">Got</span> <code>${t.actual}</code></div>` : ""}
    ${t.message ? html`<pre class="message">${t.message}</pre>` : ""}
  </li>`)}</ol>` : ""}
${s.output ? html`<details class="output"><summary>What your code printed</summary><pre>${s.output}</pre></details>` : ""}`;
}

function success(s: Submission, nextId?: number): Raw {
  const next = nextId
    ? html`<a class="next" data-testid="next-assignment" href="/assignments/${nextId}">Next assignment →</a>`
    : html`<a class="next" href="/assignments">You solved the last one. See all assignments →</a>`;
  return html`<div class="success" role="status">
  <p><strong>Correct!</strong> ${s.message}
  ${s.pointsAwarded ? html`<span class="award">+100 points</span>` : html`<span class="no-award">Already solved before, so no new points.</span>`}</p>
  ${next}
</div>`;
}
