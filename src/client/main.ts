// The assignment page's script (bundled by scripts/build-client.ts): a real editor in
// place of the textarea, drafts, shortcuts, "line N" links, history, live status.
// Everything here is an enhancement: without it the form and the page work as they are.
import type { EditorView } from "@codemirror/view";
import { loadDraft, saveDraft } from "./draft";
import { createEditor, goToLine, setCode } from "./editor";
import { followStatus } from "./status";
import { followOtherTabs, tellOtherTabs } from "./tabs";

const PENDING_NOTE = "Submit is off while your submission is being graded; it comes back with the result.";
const RESET_CONFIRM = "Replace your code with the starter code? (Ctrl+Z in the editor brings your code back.)";

function enhance() {
  const form = document.querySelector<HTMLFormElement>("#editor-form");
  const textarea = form?.querySelector<HTMLTextAreaElement>("textarea[name=code]");
  const button = form?.querySelector<HTMLButtonElement>("button[type=submit]");
  if (!form || !textarea || !button) return;
  const assignmentId = form.dataset.assignment ?? "";
  const starter = form.dataset.starter ?? "";
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);

  // The draft wins over the server's copy, unless the reader asked for an earlier submission's code.
  const fromHistory = textarea.hasAttribute("data-from");
  const draft = fromHistory ? undefined : loadDraft(assignmentId);
  const initial = draft ?? textarea.value;
  if (fromHistory) saveDraft(assignmentId, initial);

  const submit = () => {
    if (button.disabled) {
      document.querySelector("#submit-note")?.classList.add("flash");
      return;
    }
    form.requestSubmit(button);
  };
  const view = createEditor({ textarea, initial, onSubmit: submit, onChange: (code) => saveDraft(assignmentId, code) });
  document.documentElement.classList.add("has-editor");

  document.querySelector<HTMLLabelElement>("#code-label")?.addEventListener("click", (e) => {
    e.preventDefault();
    view.focus();
  });
  const hint = document.querySelector<HTMLElement>("#editor-hint");
  if (hint) {
    if (mac) hint.querySelector("kbd")!.textContent = "⌘";
    hint.hidden = false;
  }
  const reset = document.querySelector<HTMLButtonElement>("#reset-starter");
  if (reset) {
    reset.hidden = false;
    reset.addEventListener("click", () => {
      if (!confirm(RESET_CONFIRM)) return;
      setCode(view, starter);
      view.focus();
    });
  }

  document.addEventListener("click", (e) => onLinkClick(e, view));
  const announcer = document.querySelector<HTMLElement>("#announcer");
  const note = document.querySelector<HTMLElement>("#submit-note");
  const root = document.querySelector<HTMLElement>(".work");
  if (announcer && note && root) {
    followStatus({
      root,
      button,
      note,
      announcer,
      pendingNote: PENDING_NOTE,
      onChange: localTimes,
      onNewSubmission: (id) => tellOtherTabs(assignmentId, id),
    });
    followOtherTabs(assignmentId);
  }
}

/** "line N" in feedback moves the cursor; "Load this code" fills the editor from history. */
function onLinkClick(e: MouseEvent, view: EditorView) {
  const target = e.target instanceof Element ? e.target : null;
  const line = target?.closest<HTMLElement>("a.goto-line");
  if (line) {
    e.preventDefault();
    goToLine(view, Number(line.dataset.line));
    return;
  }
  const load = target?.closest<HTMLElement>("a.load-code");
  const code = load?.closest(".past-body")?.querySelector(".past-code")?.textContent;
  if (load && code != null) {
    e.preventDefault();
    setCode(view, code);
    view.dom.scrollIntoView({ block: "nearest" });
    view.focus();
    const announcer = document.querySelector("#announcer");
    if (announcer) announcer.textContent = "The earlier code is in the editor now. Ctrl+Z undoes it.";
  }
}

/** Times in the history are rendered in UTC by the server; show them in the reader's zone. */
function localTimes() {
  for (const t of Array.from(document.querySelectorAll<HTMLTimeElement>("time[datetime]:not([data-local])"))) {
    const d = new Date(t.dateTime);
    if (Number.isNaN(d.getTime())) continue;
    t.textContent = d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    t.setAttribute("data-local", "");
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
else enhance();
