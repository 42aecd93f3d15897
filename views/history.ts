// History: the user's earlier submissions of an assignment, each with its code and feedback,
// and a link that loads the code into the editor (a plain link without JavaScript).
import { feedback } from "./feedback";
import { html, type Raw } from "./html";
import { OUTCOME_LABELS } from "./submission";
import type { SubmissionView } from "./types";

export interface HistoryItem {
  submission: SubmissionView;
  code: string;
}

/** `award`: the points a first correct submission earns. */
export function historySection(assignmentId: number, items: HistoryItem[], award: number): Raw {
  return html`<section id="history" class="history" aria-labelledby="history-title">
  <h2 id="history-title">Your earlier submissions</h2>
  ${
    items.length === 0
      ? html`<p class="muted">None yet. Each submission you make appears here, with its code and feedback.</p>`
      : html`<ol class="past">${items.map((i) => entry(assignmentId, i, award))}</ol>`
  }
</section>`;
}

function entry(assignmentId: number, { submission: s, code }: HistoryItem, award: number): Raw {
  const label = s.status === "graded" && s.outcome ? OUTCOME_LABELS[s.outcome] : s.status === "error" ? "Not graded" : "Waiting";
  const tone = s.correct ? "pass" : s.status === "graded" ? "fail" : "other";
  return html`<li><details class="past-entry">
  <summary><time datetime="${s.createdAt}">${formatTime(s.createdAt)}</time>
    <span class="pill pill-${tone}">${label}</span>${s.pointsAwarded ? html` <span class="award">+${award}</span>` : ""}</summary>
  <div class="past-body" hx-ignore>
    <pre class="past-code"><code>${code}</code></pre>
    <a class="load-code" href="/assignments/${assignmentId}?from=${s.id}#code" data-submission="${s.id}">Load this code into the editor</a>
    ${s.status === "graded" ? html`<div class="past-feedback">${s.message ? html`<p class="summary">${s.message}</p>` : ""}${feedback(s)}</div>` : s.message ? html`<p>${s.message}</p>` : ""}
  </div>
</details></li>`;
}

/** UTC on the server; the browser bundle rewrites it in the reader's own time zone. */
function formatTime(iso: string): string {
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}
