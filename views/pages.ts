// Full pages. The live submission widget is in submission.ts.
import { html, type Raw } from "./html";
import { layout } from "./layout";
import { yourData } from "./me";
import { PENDING_NOTE } from "./submission";
import type { AssignmentView, HintsView, ModuleView, PageAssets, WhoView } from "./types";

export function listPage(modules: ModuleView[], points: number, assets: PageAssets, who?: WhoView, staff = false): string {
  const items = modules.flatMap((m) => m.items);
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
${modules.map(moduleSection)}
${yourData()}`;
  return layout({ title: "Assignments", points, body, assets, who, staff });
}

/** One module: its title, introduction, progress ("2 of 6 solved" and a bar) and assignments. */
function moduleSection(m: ModuleView, i: number): Raw {
  const solved = m.items.filter((a) => a.solved).length;
  const count = m.items.length;
  const headingId = `module-${m.slug ?? i}`;
  const hooks = m.slug === null ? "" : html` data-testid="module" data-module="${m.slug}"`;
  return html`<section class="module${solved === count ? " module-done" : ""}" aria-labelledby="${headingId}"${hooks}>
  <div class="module-head">
    <h2 id="${headingId}">${m.title}</h2>
    <div class="module-progress" data-testid="module-progress" data-solved="${solved}" data-count="${count}">
      <span>${solved} of ${count} solved</span>
      <progress max="${count}" value="${solved}" aria-label="${m.title}: ${solved} of ${count} solved">${solved} of ${count}</progress>
    </div>
  </div>
  <div class="module-intro">${m.intro}</div>
  <ol class="assignments">
    ${m.items.map(
      (a, j) => html`<li class="${a.solved ? "solved" : ""}">
      <span class="num" aria-hidden="true">${a.solved ? "✓" : j + 1}</span>
      <a href="/assignments/${a.id}">${a.title}</a>
      ${a.solved ? html`<span class="check">solved</span>` : ""}
    </li>`,
    )}
  </ol>
</section>`;
}

export interface AssignmentPageProps {
  assignment: AssignmentView;
  points: number;
  code: string;
  /** the code came from an earlier submission (?from=): the editor shows it, not the saved draft */
  codeFrom?: number;
  /** the handout rendered (cached by the caller: Markdown is the page's costliest part) */
  handout: Raw;
  hints: HintsView;
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
    <p class="crumbs"><a href="/assignments">Assignments</a> › ${a.place ? `${a.place.module} · ${a.place.index} of ${a.place.count}` : a.position}</p>
    <h1>${a.title} ${p.solved ? html`<span class="check">✓ solved</span>` : ""}</h1>
    <section class="handout" aria-label="Assignment">${p.handout}</section>
    ${hintsSection(p.hints)}
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

/** The hints: each a <details> opened on request, which works without JavaScript. */
function hintsSection(h: HintsView): Raw | "" {
  if (!h.hint && !h.hint2) return "";
  return html`<section class="hints" aria-label="Hints">
  ${h.hint ? html`<details class="hint-box" data-testid="hint"><summary>Show a hint</summary><div class="hint-body">${h.hint}</div></details>` : ""}
  ${h.hint2 ? secondHint(h.hint2, h.offered) : ""}
</section>`;
}

/**
 * The second hint's place (`#hint2`): empty until it is offered, then the hint. The live
 * result of the attempt that offers it swaps it in (an hx-partial beside the widget).
 */
export function secondHint(hint2: Raw, offered: boolean): Raw {
  if (!offered) return html`<div id="hint2"></div>`;
  return html`<div id="hint2"><details class="hint-box hint2" data-testid="hint2"><summary>Still stuck? Another hint</summary><div class="hint-body">${hint2}</div></details></div>`;
}

export function errorPage(status: number, message: string, points: number, assets: PageAssets): string {
  return layout({
    title: `Error ${status}`,
    points,
    assets,
    body: html`<h1>Something went wrong</h1><p class="error" role="alert">${message}</p><p><a href="/assignments">Back to the assignments</a></p>`,
  });
}
