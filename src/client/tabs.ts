// Two tabs of one user: a submission made in one tab is announced to the others through
// localStorage's `storage` event (fired only in the other tabs); each of them then fetches
// its live widget, which connects to the submission's event stream like the first tab.
const key = (assignmentId: string) => `pypractice:latest:${assignmentId}`;

interface Htmx {
  ajax(verb: string, path: string, options: { target: string; swap: string }): Promise<unknown>;
}

export function tellOtherTabs(assignmentId: string, submissionId: string) {
  try {
    localStorage.setItem(key(assignmentId), submissionId);
  } catch {
    // storage blocked: other tabs see the result on their next load
  }
}

export function followOtherTabs(assignmentId: string) {
  window.addEventListener("storage", (e) => {
    if (e.key !== key(assignmentId) || !e.newValue) return;
    const shown = document.querySelector('[data-testid="submission-status"]')?.getAttribute("data-submission");
    if (shown === e.newValue) return;
    const htmx = (window as unknown as { htmx?: Htmx }).htmx;
    void htmx?.ajax("GET", `/assignments/${assignmentId}/live`, { target: "#submission", swap: "outerHTML" });
  });
}
