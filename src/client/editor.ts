// The code editor: CodeMirror 6 in place of the form's textarea, which stays the form
// field (kept in sync on every change), so the form posts the same with or without it.
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";

export interface EditorOptions {
  textarea: HTMLTextAreaElement;
  initial: string;
  /** Ctrl/Cmd+Enter */
  onSubmit: () => void;
  onChange: (code: string) => void;
}

/** Colours come from the page's CSS variables, so light and dark mode follow the stylesheet. */
const theme = EditorView.theme({
  "&": { color: "var(--text)", backgroundColor: "var(--panel)" },
  ".cm-content": { caretColor: "var(--text)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--text)" },
  ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--muted)", borderRight: "1px solid var(--line)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)", color: "var(--text)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--selection)",
  },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--bracket)", outline: "1px solid var(--muted)" },
  "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: "var(--fail-bg)" },
});

/**
 * Text with line breaks inserted in one go (dictation, some keyboards, automation) is put
 * into the document by us: left to the browser's own editing, Chrome builds the new lines
 * with inline style attributes, which our Content-Security-Policy refuses (and reports).
 */
const multilineInput = EditorView.domEventHandlers({
  beforeinput(e, view) {
    if (e.inputType !== "insertText" || !e.data || !e.data.includes("\n")) return false;
    // Where the browser would insert: its target range, else its selection (CodeMirror's
    // own copy of the selection may not have caught up yet).
    let { from, to } = view.state.selection.main;
    const target = e.getTargetRanges()[0];
    const sel = document.getSelection();
    const dom = target ?? (sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : undefined);
    if (dom && view.contentDOM.contains(dom.startContainer) && view.contentDOM.contains(dom.endContainer)) {
      from = view.posAtDOM(dom.startContainer, dom.startOffset);
      to = view.posAtDOM(dom.endContainer, dom.endOffset);
    }
    e.preventDefault();
    view.dispatch({
      changes: { from, to, insert: e.data },
      selection: { anchor: from + e.data.replace(/\r\n?/g, "\n").length },
      userEvent: "input.type",
      scrollIntoView: true,
    });
    return true;
  },
});

export function createEditor(o: EditorOptions): EditorView {
  const ta = o.textarea;
  const host = document.createElement("div");
  host.className = "cm-host";
  ta.before(host);
  // The editor's content takes over the id the label and "line N" links point to.
  ta.id = "code-field";
  ta.required = false; // hidden now; an empty submission is answered by the server in words
  ta.hidden = true;
  ta.value = o.initial;

  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: o.initial,
      extensions: [
        Prec.highest(
          keymap.of([
            {
              key: "Mod-Enter",
              run: () => {
                o.onSubmit();
                return true;
              },
            },
          ]),
        ),
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        python(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        syntaxHighlighting(classHighlighter),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        theme,
        multilineInput,
        EditorView.contentAttributes.of({
          id: "code",
          "aria-labelledby": "code-label",
          "aria-describedby": "editor-hint",
          autocapitalize: "off",
          autocorrect: "off",
          spellcheck: "false",
        }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          const code = u.state.doc.toString();
          ta.value = code;
          o.onChange(code);
        }),
      ],
    }),
  });
  return view;
}

/** Replaces the whole text (one undoable step). */
export function setCode(view: EditorView, code: string) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code }, selection: { anchor: 0 } });
}

/** Moves the cursor to the first non-blank character of line `n` (1-based) and focuses. */
export function goToLine(view: EditorView, n: number) {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(1, n), doc.lines));
  const indent = /^\s*/.exec(line.text)![0].length;
  view.dispatch({ selection: { anchor: line.from + indent }, effects: EditorView.scrollIntoView(line.from, { y: "center" }) });
  view.focus();
}
