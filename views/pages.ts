// Full pages. The live submission widget is in submission.ts.
import { html, type Raw } from "./html";
import { layout } from "./layout";
import { yourData } from "./me";
import { PENDING_NOTE } from "./submission";
import type { AssignmentItem, AssignmentView, PageAssets, WhoView } from "./types";

export function listPage(items: AssignmentItem[], points: number, assets: PageAssets, who?: WhoView, staff = false): string {
  const solved = items.filter((a) => a.solved).length;
  const next = items.find((a) => !a.solved);
  const body = html`
<h1>Assignments</h1>
<div class="progress-card">
  <p class="progress-text"><strong>${solved} of ${items.length}</strong> solved · ${points} points</p>
  <progress max="${items.length}" value="${solved}" aria-label="Assignments solved">${solved} of ${items.length}</progress>
  ${
    next
      ? html`<a class="button" href="/assignments/${next.id}">${solved === 0 ? "Start" : "Continue"}: ${next.title} →</a>`
      : html`<p class="all-done">You solved every assignment. Well done!</p>`
  }
</div>
<ol class="assignments">
  ${items.map(
    (a, i) => html`<li class="${a.solved ? "solved" : ""}">
    <span class="num" aria-hidden="true">${a.solved ? "✓" : i + 1}</span>
    <a href="/assignments/${a.id}">${a.title}</a>
    ${a.solved ? html`<span class="check">solved</span>` : ""}
  </li>`,
  )}
</ol>
${yourData()}`;
  return layout({ title: "Assignments", points, body, assets, who, staff });
}

export interface AssignmentPageProps {
  assignment: AssignmentView;
  points: number;
  code: string;
  /** the code came from an earlier submission (?from=): the editor shows it, not the saved draft */
  codeFrom?: number;
  /** the handout rendered (cached by the caller: Markdown is the page's costliest part) */
  handout: Raw;
  widget: Raw;
  history: Raw;
  pending: boolean;
  solved: boolean;
  assets: PageAssets;
  who?: WhoView;
  /** the visitor is staff (the header links the staff pages) */
  staff?: boolean;
}

export function assignmentPage(p: AssignmentPageProps): string {
  const a = p.assignment;
  const body = html`
<article class="assignment">
  <div class="intro">
    <p class="crumbs"><a href="/assignments">Assignments</a> › ${a.position}</p>
    <h1>${a.title} ${p.solved ? html`<span class="check">✓ solved</span>` : ""}</h1>
    <section class="handout" aria-label="Assignment">${p.handout}</section>
  </div>
  <div class="work">
    <form class="editor" id="editor-form" method="post" action="/assignments/${a.id}/submit"
          hx-post="/assignments/${a.id}/submit" hx-target="#submission" hx-swap="outerHTML"
          data-assignment="${a.id}" data-starter="${a.starterCode}">
      <div class="editor-head">
        <label for="code" id="code-label">Your code</label>
        <span class="kbd-hint" id="editor-hint" hidden><kbd>Ctrl</kbd>+<kbd>Enter</kbd> submits · <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor</span>
      </div>
      <textarea id="code" name="code" rows="14" spellcheck="false" autocapitalize="off" autocomplete="off" required
                ${p.codeFrom ? html`data-from="${p.codeFrom}"` : ""}>${p.code}</textarea>
      <div class="actions">
        <button type="submit" id="submit-button" aria-describedby="submit-note"${p.pending ? html` disabled` : ""}>Submit</button>
        <button type="button" class="secondary" id="reset-starter" hidden>Reset to starter</button>
        <p class="note" id="submit-note">${p.pending ? PENDING_NOTE : ""}</p>
      </div>
    </form>
    <p id="announcer" class="sr" role="status" aria-live="polite"></p>
    ${p.widget}
    ${p.history}
  </div>
</article>`;
  // Without JavaScript the page refreshes itself while a submission is pending.
  const head = p.pending ? html`<noscript><meta http-equiv="refresh" content="1"></noscript>` : undefined;
  return layout({ title: a.title, points: p.points, body, assets: p.assets, head, editor: true, wide: true, who: p.who, staff: p.staff });
}

export function errorPage(status: number, message: string, points: number, assets: PageAssets): string {
  return layout({
    title: `Error ${status}`,
    points,
    assets,
    body: html`<h1>Something went wrong</h1><p class="error" role="alert">${message}</p><p><a href="/assignments">Back to the assignments</a></p>`,
  });
}
