// The live submission widget: rendered by the page, the POST response and the event
// stream alike, so all three always agree.
import { feedback } from "./feedback";
import { html, type Raw } from "./html";
import type { NextView, SubmissionView } from "./types";

export interface WidgetProps {
  submission?: SubmissionView;
  /** the submission is waiting or being graded: the widget follows its event stream */
  pending: boolean;
  /** the next assignment, across modules (shown after a correct submission) */
  next?: NextView;
  /** an error to show instead of (or above) the submission, e.g. "already pending" */
  error?: string;
  /** points a first correct submission earns */
  award: number;
}

/**
 * Every outcome in words. src/submissions/status.ts checks that the keys are exactly its
 * outcomes, so an outcome added there does not compile until it has its label here.
 */
export const OUTCOME_LABELS = {
  passed: "Passed",
  failed: "Some tests failed",
  syntax_error: "Syntax error",
  runtime_error: "Your code raised an error",
  time_limit: "Time limit exceeded",
  memory_limit: "Memory limit exceeded",
  output_limit: "Too much output",
} as const;

/** Why the Submit button is disabled while a submission is pending (also shown without JS). */
export const PENDING_NOTE = "Submit is off while your submission is being graded; it comes back with the result.";

export function submissionWidget(p: WidgetProps): Raw {
  const s = p.submission;
  const live = p.pending && s ? html` hx-sse:connect="/submissions/${s.id}/stream" hx-sse:close="done"` : "";
  return html`<section id="submission" class="submission" aria-label="Result"${live}>${submissionBody(p)}</section>`;
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
${statusLine(s, p.pending)}
<div data-testid="feedback" class="feedback" hx-ignore>${s?.correct && s.status === "graded" ? success(s, p) : ""}${s ? feedback(s) : ""}</div>`;
}

/** A rough wait: one job takes about a second of a grader's time, round up generously. */
export function waitEstimate(position: number): string {
  const seconds = (position + 1) * 1;
  if (seconds <= 5) return "a few seconds";
  if (seconds < 60) return `about ${Math.ceil(seconds / 10) * 10} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
}

/** `data-pending` tells the browser's script to keep Submit off (it knows no status names). */
function statusLine(s: SubmissionView | undefined, pending: boolean): Raw {
  if (!s) {
    return html`<p data-testid="submission-status" class="status" data-status="none">Not submitted yet. Write your code and press Submit.</p>`;
  }
  let text: string;
  if (s.status === "queued") {
    const ahead = s.position ?? 0;
    // A message while queued says why the wait is longer (no grader is running).
    text =
      s.message ??
      (ahead > 0
        ? `Waiting for a grader: ${ahead} ${ahead === 1 ? "submission" : "submissions"} ahead of you, ${waitEstimate(ahead)}.`
        : `Waiting for a grader: you are next, ${waitEstimate(0)}.`);
  } else if (s.status === "grading") {
    text = "Running the tests…";
  } else if (s.status === "error") {
    text = s.message ?? "This submission could not be graded. Please submit again.";
  } else {
    text = s.outcome ? OUTCOME_LABELS[s.outcome] : "";
    if (s.message && s.outcome !== "syntax_error") text += ` · ${s.message}`;
  }
  return html`<p data-testid="submission-status" class="status status-${s.status} outcome-${s.outcome ?? "none"}"
    data-status="${s.status}" data-outcome="${s.outcome ?? ""}" data-submission="${s.id}"${pending ? html` data-pending` : ""}><span class="badge">${s.status}</span> <span class="status-text">${text}</span></p>`;
}

function success(s: SubmissionView, { next: n, award }: WidgetProps): Raw {
  const next = n
    ? html`<a class="next" data-testid="next-assignment" href="/assignments/${n.id}">Next: ${n.title}${n.module ? ` — ${n.module}` : ""} →</a>`
    : html`<a class="next" href="/assignments">You solved the last one. See all assignments →</a>`;
  return html`<div class="success">
  <p class="success-title"><strong>Correct!</strong> ${s.message}</p>
  <p>${s.pointsAwarded ? html`<span class="award">+${award} points</span>` : html`<span class="no-award">Already solved, no new points.</span>`}</p>
  ${next}
</div>`;
}
