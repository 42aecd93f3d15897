// `bun run assignments:check` run as users run it (a child process) on fixture courses: each
// assignment broken in one way makes it exit 1 with a sentence saying why; a good course
// exits 0; slugs filter; an unknown slug exits 2 naming close matches.
import { afterAll, describe, expect, test } from "bun:test";
import { HANDOUT, HARDCODED, makeCourse, NO_UPPER, REFERENCE } from "./fixture";
import { failuresOf, rowOf, runCheck } from "./run-check";

// Each broken variant and (a pattern of) the one failure it must produce.
const BROKEN: Record<string, [Record<string, string | null>, RegExp]> = {
  "reference-fails": [
    { "reference.py": 'def shout(text):\n    if " " in text:\n        return text + "!"\n    return text.upper() + "!"\n' },
    /^reference\.py is graded failed, not passed: test_generated_words: .* : shout\(.*\) should be/,
  ],
  "starter-passes": [{ "starter.py": REFERENCE }, /^starter\.py passes every test/],
  "starter-syntax": [{ "starter.py": "def shout(text)\n    pass\n" }, /^starter\.py has a syntax error \(.+\): it must run/],
  "wrong-passes": [
    { "wrong/correct.py": `# fails: test_shouts_a_word\n# why: none, it is right\n${REFERENCE}` },
    /^wrong\/correct\.py passes every test: the tests do not catch this mistake \(none, it is right\)\.$/,
  ],
  "wrong-other-test": [
    {
      "wrong/empty.py":
        "# fails: test_shouts_a_word\n# why: forgets the empty text\ndef shout(text):\n    return text.upper() + '!' if text else ''\n",
    },
    /^wrong\/empty\.py should fail test_shouts_a_word, but passes it \(it fails test_empty_text: .* : shout\(""\) should be "!"\)\.$/,
  ],
  "fails-unknown": [
    { "wrong/no-upper.py": NO_UPPER.replace("test_shouts_a_word", "test_does_not_exist") },
    /^wrong\/no-upper\.py names test_does_not_exist in `# fails:`, but test_solution\.py has no such test\.$/,
  ],
  "no-why": [{ "wrong/no-upper.py": NO_UPPER.replace(/^# why:.*\n/m, "") }, /^wrong\/no-upper\.py has no `# why:` line/],
  "one-wrong": [{ "wrong/no-upper.py": null }, /^it has 1 file\(s\) in wrong\/: at least two common mistakes are needed/],
  "no-hardcoded": [
    { "wrong/hardcoded.py": null, "wrong/other.py": NO_UPPER, "wrong/again.py": HARDCODED },
    /^it has no wrong\/hardcoded\.py/,
  ],
  "false-example": [
    { "handout.md": HANDOUT.replace("'HELLO!'", "'Hello!'") },
    /^the handout's example `shout\("hello"\)` shows 'Hello!', but the reference gives 'HELLO!'\.$/,
  ],
  "no-examples": [
    { "handout.md": "---\ntitle: Shout\n---\n\n# Shout\n\nShout it.\n\n## Hint\n\nUse `.upper()`.\n" },
    /^handout\.md has no `>>>` example/,
  ],
  "no-hint": [
    { "handout.md": HANDOUT.replace("## Hint\n\nStrings have a method `.upper()`.\n\n", "") },
    /^handout\.md has no `## Hint` section\.$/,
  ],
  slow: [
    { "reference.py": `import time\n\n\ndef shout(text):\n    time.sleep(0.06)\n    return text.upper() + "!"\n` },
    /^the tests took \d+ ms on the reference, more than 1000 ms \(a quarter of the 4 s wall limit\)/,
  ],
};

const course = makeCourse({ good: {}, ...Object.fromEntries(Object.entries(BROKEN).map(([slug, [edit]]) => [slug, edit])) });
const goodOnly = makeCourse({ good: {}, "good-too": {} });
afterAll(() => {
  course.remove();
  goodOnly.remove();
});
// A 4 s wall limit (and CPU limit) makes the timing bar 1 s, which the slow variant's 22 sleeps of 60 ms cross.
const env = { ASSIGNMENTS_DIR: course.dir, GRADER_WALL_SECONDS: "4", GRADER_CPU_SECONDS: "4" };

describe("bun run assignments:check", () => {
  test("every broken assignment fails with its sentence, the good one passes, exit 1", async () => {
    const run = await runCheck([], env);
    console.log(run.stdout);
    expect(run.code).toBe(1);
    expect(rowOf(run.stdout, "good")?.at(-1)).toBe("✓");
    expect(failuresOf(run.stdout, "good")).toEqual([]);
    for (const [slug, [, why]] of Object.entries(BROKEN)) {
      expect({ slug, verdict: rowOf(run.stdout, slug)?.at(-1) }).toEqual({ slug, verdict: "✗" });
      const said = failuresOf(run.stdout, slug);
      expect({ slug, said, matches: said.length === 1 && why.test(said[0]!) }).toEqual({ slug, said, matches: true });
    }
    const n = Object.keys(BROKEN).length;
    expect(run.stdout).toContain(`${n + 1} assignments checked: 1 proved, ${n} with failures`);
    expect(run.stdout).not.toContain("\x1b["); // no colours in a pipe
  }, 120_000);

  test("the table shows what was graded and counted", async () => {
    const run = await runCheck(["good", "no-hint", "starter-syntax"], env);
    expect(run.code).toBe(1);
    expect(rowOf(run.stdout, "good")).toEqual(["good", "strings", "passed", "failed", "2/2", "3/3", expect.stringMatching(/^\d+$/), "✓"]);
    expect(rowOf(run.stdout, "starter-syntax")?.slice(2, 4)).toEqual(["passed", "syntax_error"]);
    expect(rowOf(run.stdout, "slow")).toBeUndefined();
  }, 60_000);

  test("a good course exits 0; a slug filter checks only those", async () => {
    const all = await runCheck([], { ASSIGNMENTS_DIR: goodOnly.dir });
    expect({ code: all.code, stderr: all.stderr }).toEqual({ code: 0, stderr: "" });
    expect(all.stdout).toContain("2 assignments checked: all 2 proved");

    const one = await runCheck(["good"], env);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("1 assignment checked: all 1 proved");
    expect(rowOf(one.stdout, "good-too")).toBeUndefined();
  }, 60_000);

  test("an unknown slug exits 2 with a sentence naming close matches", async () => {
    const run = await runCheck(["good", "no-hnit", "zzzzzzzzzz"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no assignment "no-hnit"; did you mean no-hint?');
    expect(run.stderr).toContain('There is no assignment "zzzzzzzzzz", nor one with a similar slug');
    expect(run.stdout).toBe("");
  }, 30_000);

  test("a course that cannot be read exits 1 saying which file is missing", async () => {
    const broken = makeCourse({ good: { "starter.py": null } });
    try {
      const run = await runCheck([], { ASSIGNMENTS_DIR: broken.dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^Cannot read the course in .+: .+01-good is missing starter\.py/);
    } finally {
      broken.remove();
    }
  }, 30_000);
});
