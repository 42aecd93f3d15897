// Feedback for one graded submission: an outcome banner, one card per test, the printed
// output folded away. Used by the live widget and by the history alike. Everything that
// came from the student's code (messages, reprs, output) is escaped by `html`.
import { html, type Raw } from "./html";
import type { OUTCOME_LABELS } from "./submission";
import type { SubmissionView, TestView } from "./types";

/** What went wrong in words, and what to try, for outcomes that stop the tests early. */
const BANNERS: Partial<Record<keyof typeof OUTCOME_LABELS, { title: string; advice: string }>> = {
  syntax_error: {
    title: "Python could not read your code",
    advice:
      "Look at the line named below and the one just before it: a missing colon after def/if/for, " +
      "an unclosed bracket or quote, or indentation that does not line up are the usual causes.",
  },
  runtime_error: {
    title: "Your code raised an error",
    advice:
      "Open a failed test below: its traceback shows the line where the error happened. " +
      "Click the line number to jump there in the editor.",
  },
  time_limit: {
    title: "Your code ran out of time",
    advice:
      "Each run may take a few seconds at most. Look for a while loop whose condition never becomes false, " +
      "a loop that changes the list it walks over, or a function that calls itself without stopping.",
  },
  memory_limit: {
    title: "Your code used too much memory",
    advice:
      "Look for a list or string that keeps growing, for example append() inside a loop that never ends, " +
      "or a very large number multiplied into a string.",
  },
  output_limit: {
    title: "Your code printed too much",
    advice:
      "There is a limit on printed output. Remove print() calls from loops (or from a loop that never ends); " +
      "the tests check what your function returns, not what it prints.",
  },
};

export function feedback(s: SubmissionView): Raw {
  if (s.status !== "graded") return html``;
  const banner = s.outcome ? BANNERS[s.outcome] : undefined;
  const failed = s.tests.filter((t) => !t.passed).length;
  return html`
${
  banner
    ? html`<div class="banner banner-${s.outcome}">
  <p class="banner-title"><strong>${banner.title}.</strong> ${s.outcome === "syntax_error" ? "" : afterFirstSentence(s.message)}</p>
  ${s.outcome === "syntax_error" && s.message ? html`<pre class="trace">${withLineLinks(s.message)}</pre>` : ""}
  <p class="advice">${banner.advice}</p>
</div>`
    : ""
}
${s.tests.length > 0 ? html`<ol class="tests" aria-label="${s.tests.length} tests, ${failed} failed">${sortTests(s.tests).map(card)}</ol>` : ""}
${s.output ? html`<details class="output"><summary>What your code printed</summary><pre>${s.output}</pre></details>` : ""}`;
}

/** "Your code ran out of time. 0 of 5 tests passed." → "0 of 5 tests passed." (the banner says the rest) */
const afterFirstSentence = (message: string | null) => (message ?? "").replace(/^Your code[^.]*\.\s*/, "");

/** Failures first (in the grader's order), then passes. */
const sortTests = (tests: TestView[]) => [...tests.filter((t) => !t.passed), ...tests.filter((t) => t.passed)];

/** `test_returns_hello` → "Returns hello". */
export function humanName(name: string): string {
  const words = name
    .replace(/^test_?/, "")
    .replace(/_/g, " ")
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

function card(t: TestView): Raw {
  const verdict = t.passed ? "passed" : "failed";
  return html`<li class="test ${t.passed ? "pass" : "fail"}">
  <p class="test-head"><span class="mark" aria-hidden="true">${t.passed ? "✓" : "✗"}</span>
    <span class="test-name">${humanName(t.name)}</span>
    <span class="verdict">${verdict}</span></p>
  ${t.passed ? "" : failure(t)}
</li>`;
}

/** assertTrue/assertFalse's own words ("False is not true"): nothing a beginner can use beside the test's sentence. */
const BARE_TRUTH = /^(True|False|None|0|''|""|\[\]|\{\}|\(\)) is not (true|false)$/;

function failure(t: TestView): Raw {
  const m = splitMessage(t.message);
  const compare = t.expected !== undefined && t.actual !== undefined;
  const [expected, actual] = compare ? diffPair(t.expected!, t.actual!) : [html``, html``];
  return html`
  ${m.hint ? html`<p class="hint">${m.hint}</p>` : ""}
  <dl class="compare">
    ${t.call ? html`<dt>Call</dt><dd><code>${t.call}</code></dd>` : ""}
    ${
      compare
        ? html`<dt>Expected</dt><dd><code class="repr">${expected}</code></dd>
    <dt>Got</dt><dd><code class="repr">${actual}</code></dd>`
        : ""
    }
  </dl>
  ${m.detail && !compare && !BARE_TRUTH.test(m.detail) ? html`<p class="detail">${m.detail}</p>` : ""}
  ${m.trace ? html`<pre class="trace">${withLineLinks(m.trace)}</pre>` : ""}`;
}

interface Parts {
  hint: string;
  detail: string;
  trace: string;
}

/**
 * The grader's message as parts: "Your code raised X: msg" + its traceback, or unittest's
 * "<what it compared> : <the test's own sentence>", or plain words.
 */
export function splitMessage(message: string): Parts {
  if (message.startsWith("Your code raised")) {
    const nl = message.indexOf("\n");
    return nl < 0 ? { hint: message, detail: "", trace: "" } : { hint: message.slice(0, nl), detail: "", trace: message.slice(nl + 1) };
  }
  const at = message.lastIndexOf(" : ");
  if (at >= 0 && !message.slice(at + 3).includes("\n")) {
    return { hint: message.slice(at + 3), detail: message.slice(0, at), trace: "" };
  }
  return { hint: message, detail: "", trace: "" };
}

/** "line N" in a traceback or syntax error becomes a link that moves the editor's cursor there. */
export function withLineLinks(text: string): Raw[] {
  const out: Raw[] = [];
  let last = 0;
  for (const m of text.matchAll(/\bline (\d{1,6})\b/g)) {
    out.push(html`${text.slice(last, m.index)}`);
    out.push(html`<a class="goto-line" href="#code" data-line="${m[1]!}">line ${m[1]!}</a>`);
    last = m.index! + m[0].length;
  }
  out.push(html`${text.slice(last)}`);
  return out;
}

/**
 * Expected and actual with the part that differs marked (common prefix and suffix kept
 * plain), and whitespace inside the marked part made visible.
 */
export function diffPair(expected: string, actual: string): [Raw, Raw] {
  let start = 0;
  while (start < expected.length && start < actual.length && expected[start] === actual[start]) start++;
  let end = 0;
  while (
    end < expected.length - start &&
    end < actual.length - start &&
    expected[expected.length - 1 - end] === actual[actual.length - 1 - end]
  )
    end++;
  const mark = (s: string, kind: string) => {
    const middle = s.slice(start, s.length - end);
    return html`${s.slice(0, start)}${middle ? html`<mark class="diff ${kind}">${visibleSpaces(middle)}</mark>` : ""}${s.slice(s.length - end)}`;
  };
  return [mark(expected, "diff-expected"), mark(actual, "diff-actual")];
}

function visibleSpaces(s: string): Raw[] {
  return s
    .split(/( +)/)
    .map((part, i) => (i % 2 === 1 ? html`<span class="ws" title="space">${"·".repeat(part.length)}</span>` : html`${part}`));
}
