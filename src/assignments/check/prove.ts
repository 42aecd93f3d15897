// What `bun run assignments:check` proves of one assignment, each failure as a sentence.
import { join } from "node:path";
import { type GradeResult, GraderFailure } from "../../../grader/grade";
import type { TestResult } from "../../submissions/status";
import type { AssignmentFiles, WrongFile } from "../files";
import { runExamples } from "./examples";
import type { RunnerPool, Timed } from "./pool";

export interface Proof {
  slug: string;
  module: string;
  /** the reference's and the starter's outcomes ("error" when grading itself failed) */
  reference: string;
  starter: string;
  wrong: { ok: number; total: number };
  examples: { ok: number; total: number };
  /** the reference's grading time */
  ms: number;
  failures: string[];
}

export interface ProveDeps {
  pool: RunnerPool;
  python: string;
  /** how long the handout's examples may run */
  examplesTimeoutMs: number;
}

const oneLine = (text: string) => {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/** The grader's words inside one of our sentences: one line, without its own full stop. */
const words = (text: string) => oneLine(text).replace(/\.$/, "");

/** A test's feedback on one line: the first line, and the author's ` : message` that unittest
 *  appends after a multi-line diff. */
const feedback = (message: string) => {
  const lines = message.trim().split("\n");
  const last = lines.length > 1 ? lines.at(-1)! : "";
  const at = last.indexOf(" : ");
  return words(at >= 0 ? `${lines[0]} : ${last.slice(at + 3)}` : lines[0]!);
};

const testNames = (testCode: string) => new Set([...testCode.matchAll(/^\s*def (test\w*)\s*\(/gm)].map((m) => m[1]!));

const failing = (r: GradeResult) => {
  const t = r.tests.find((x) => !x.passed);
  return t ? `${t.name}: ${feedback(t.message)}` : words(r.message);
};

/** A grade, or the grading machinery's failure in words. */
async function graded(pool: RunnerPool, source: string, tests: string): Promise<Timed | string> {
  try {
    return await pool.grade({ source, tests });
  } catch (e) {
    if (e instanceof GraderFailure) return `grading failed: ${e.message}`;
    throw e;
  }
}

function checkWrong(w: WrongFile, names: Set<string>, g: Timed | string): string[] {
  const file = `wrong/${w.name}`;
  const problems: string[] = [];
  if (w.fails.length === 0) problems.push(`${file} has no \`# fails:\` line naming the test(s) it must fail.`);
  if (!w.why) problems.push(`${file} has no \`# why:\` line saying what the mistake is.`);
  for (const n of w.fails.filter((n) => !names.has(n))) {
    problems.push(`${file} names ${n} in \`# fails:\`, but test_solution.py has no such test.`);
  }
  if (typeof g === "string") return [...problems, `${file}: ${g}.`];
  const r = g.result;
  if (r.outcome === "passed")
    return [...problems, `${file} passes every test: the tests do not catch this mistake${w.why ? ` (${w.why})` : ""}.`];
  const byName = new Map<string, TestResult>(r.tests.map((t) => [t.name, t]));
  for (const n of w.fails.filter((n) => names.has(n))) {
    const t = byName.get(n);
    if (!t) problems.push(`${file} should fail ${n}, but the tests did not run (${r.outcome}: ${words(r.message)}).`);
    else if (t.passed) problems.push(`${file} should fail ${n}, but passes it (it fails ${failing(r)}).`);
    else if (!t.message.trim()) problems.push(`${file} fails ${n} without a feedback message: give the assertion a message.`);
  }
  return problems;
}

export async function prove(a: AssignmentFiles, deps: ProveDeps): Promise<Proof> {
  const failures: string[] = [];
  const handout = await Bun.file(join(a.folder, "handout.md")).text();
  const [examples, ref, starter, ...wrongs] = await Promise.all([
    runExamples(deps.python, handout, a.referenceCode, deps.examplesTimeoutMs),
    graded(deps.pool, a.referenceCode, a.testCode),
    graded(deps.pool, a.starterCode, a.testCode),
    ...a.wrong.map((w) => graded(deps.pool, w.code, a.testCode)),
  ]);

  if (typeof ref === "string") failures.push(`reference.py: ${ref}.`);
  else if (ref.result.outcome !== "passed")
    failures.push(`reference.py is graded ${ref.result.outcome}, not passed: ${failing(ref.result)}.`);

  if (typeof starter === "string") failures.push(`starter.py: ${starter}.`);
  else if (starter.result.outcome === "passed")
    failures.push("starter.py passes every test: a starter must fail them (leave the body `pass`).");
  else if (starter.result.outcome === "syntax_error") {
    failures.push(`starter.py has a syntax error (${words(starter.result.message)}): it must run, and fail the tests.`);
  }

  if (a.wrong.length < 2) {
    failures.push(`it has ${a.wrong.length} file(s) in wrong/: at least two common mistakes are needed, wrong/hardcoded.py among them.`);
  } else if (!a.wrong.some((w) => w.name === "hardcoded.py")) {
    failures.push("it has no wrong/hardcoded.py (the handout's examples returned by `if`), which the generated inputs must catch.");
  }
  const names = testNames(a.testCode);
  let wrongOk = 0;
  a.wrong.forEach((w, i) => {
    const problems = checkWrong(w, names, wrongs[i]!);
    if (problems.length === 0) wrongOk++;
    failures.push(...problems);
  });

  if (examples.error) failures.push(`the handout's examples could not run: ${examples.error}.`);
  else if (examples.examples === 0) failures.push("handout.md has no `>>>` example in a ```python block.");
  for (const f of examples.failures) {
    failures.push(
      `the handout's example \`${oneLine(f.source)}\` shows ${oneLine(f.want) || "nothing"}, but the reference gives ${oneLine(f.got) || "nothing"}.`,
    );
  }
  if (!a.hint) failures.push("handout.md has no `## Hint` section.");

  const outcome = (g: Timed | string) => (typeof g === "string" ? "error" : g.result.outcome);
  return {
    slug: a.slug,
    module: a.module?.slug ?? "",
    reference: outcome(ref),
    starter: outcome(starter),
    wrong: { ok: wrongOk, total: a.wrong.length },
    examples: { ok: examples.error ? 0 : examples.examples - examples.failures.length, total: examples.examples },
    ms: typeof ref === "string" ? 0 : ref.ms,
    failures,
  };
}

/** Adds the timing failure: the reference's tests must finish well inside the time limit (`limit`, e.g. "2 s CPU"). */
export function checkTime(p: Proof, limitMs: number, limit: string): void {
  if (p.ms > limitMs) {
    p.failures.push(
      `the tests took ${p.ms} ms on the reference, more than ${limitMs} ms (a quarter of the ${limit} limit): make them faster.`,
    );
  }
}
