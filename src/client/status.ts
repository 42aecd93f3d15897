// Follows the live widget (swapped by htmx on submit and by the SSE stream): keeps the
// Submit button off while a submission is pending (saying why), announces each new state
// once to screen readers, and focuses "Next assignment" when a submission passes.
const STATUS = '[data-testid="submission-status"]';

export interface StatusOptions {
  root: HTMLElement;
  button: HTMLButtonElement;
  note: HTMLElement;
  announcer: HTMLElement;
  pendingNote: string;
  /** runs after every change inside root (e.g. to localise new <time> elements) */
  onChange: () => void;
  /** a submission this page had not shown before appeared (submitted here, or fetched) */
  onNewSubmission: (id: string) => void;
}

const keyOf = (el: Element | null) =>
  el ? `${el.getAttribute("data-submission")}:${el.getAttribute("data-status")}:${el.getAttribute("data-outcome")}` : "";

// The server marks a pending status (the bundle knows no status names).
const isPendingStatus = (el: Element | null) => el?.hasAttribute("data-pending") ?? false;

export function followStatus(o: StatusOptions) {
  let last = keyOf(document.querySelector(STATUS));
  const update = () => {
    const el = document.querySelector(STATUS);
    const pending = isPendingStatus(el);
    // Only real changes: writing the same text again is a mutation too, and would loop.
    if (o.button.disabled !== pending) o.button.disabled = pending;
    const note = pending ? o.pendingNote : "";
    if (o.note.textContent !== note) o.note.textContent = note;
    o.onChange();
    const key = keyOf(el);
    if (!el || key === last) return;
    const previousId = last.split(":")[0];
    last = key;
    const id = el.getAttribute("data-submission");
    if (id && id !== previousId) o.onNewSubmission(id);
    // The award as the page words it ("+100 points").
    const award = document.querySelector(".feedback .award")?.textContent;
    o.announcer.textContent = (el.querySelector(".status-text")?.textContent ?? el.textContent ?? "").trim() + (award ? ` ${award}.` : "");
    if (el.getAttribute("data-outcome") === "passed") {
      const next = document.querySelector<HTMLElement>("#submission a.next");
      next?.focus();
    }
  };
  new MutationObserver(update).observe(o.root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
  update();
}
