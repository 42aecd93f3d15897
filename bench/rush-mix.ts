// What the deadline rush's students submit (all to `sum`): a third wrong, some identical to
// what others sent (answered by reuse once one is graded), a few hostile (an endless loop,
// a memory hog: tests/exploits/01 and 04), the rest correct and each different (a comment).
// Each kind has the result it must get, so a wrong verdict under load shows.

export type Kind = "correct" | "wrong" | "same-correct" | "same-wrong" | "loop" | "memory";

export interface MixOptions {
  /** share of submissions that are wrong (default 1/3) */
  wrong: number;
  /** share that is identical to other students' code (default 0.1) */
  same: number;
  /** share that is hostile, half endless loops, half memory hogs (default 0.002) */
  hostile: number;
}

export const DEFAULT_MIX: MixOptions = { wrong: 1 / 3, same: 0.1, hostile: 0.002 };

const RIGHT = "def sum(a, b):\n    return a + b\n";
const WRONG = "def sum(a, b):\n    return a - b\n";
const LOOP = "def sum(a, b):\n    n = 0\n    while True:\n        n += 1\n";
const MEMORY = 'def sum(a, b):\n    hoard = []\n    while True:\n        hoard.append("x" * 1_000_000)\n';

/** The outcome each kind must be graded with. */
export const EXPECTED: Record<Kind, string> = {
  correct: "passed",
  wrong: "failed",
  "same-correct": "passed",
  "same-wrong": "failed",
  loop: "time_limit",
  memory: "memory_limit",
};

export function pick(mix: MixOptions, random = Math.random): Kind {
  const r = random();
  if (r < mix.hostile) return r < mix.hostile / 2 ? "loop" : "memory";
  const wrong = random() < mix.wrong;
  if (random() < mix.same) return wrong ? "same-wrong" : "same-correct";
  return wrong ? "wrong" : "correct";
}

/** The code of one submission; `tag` (student and turn) makes it new where the kind is not "same". */
export function codeFor(kind: Kind, tag: string): string {
  switch (kind) {
    case "same-correct":
      return RIGHT;
    case "same-wrong":
      return WRONG;
    case "correct":
      return `${RIGHT}# ${tag}\n`;
    case "wrong":
      return `${WRONG}# ${tag}\n`;
    case "loop":
      return `${LOOP}# ${tag}\n`;
    case "memory":
      return `${MEMORY}# ${tag}\n`;
  }
}
