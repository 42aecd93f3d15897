// Courses in a temporary folder for testing `assignments:check`: copies of one small, complete
// assignment (Shout, written here so that edits to the real course never change what these
// tests expect), each under a slug of its own and each broken in one way.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const HANDOUT = `---
title: Shout
---

# Shout

Write a function \`shout(text)\` that returns \`text\` in upper case with \`!\` at the end.

## Examples

\`\`\`python
>>> shout("hello")
'HELLO!'
>>> shout("")
'!'
\`\`\`

## Hint

Strings have a method \`.upper()\`.

## Second hint

\`\`\`python
>>> "hi".upper() + "?"
'HI?'
\`\`\`
`;

export const REFERENCE = `def shout(text):
    return text.upper() + "!"
`;

const STARTER = `def shout(text):
    """Return text in upper case with ! at the end."""
    pass
`;

const TESTS = `import random
import unittest

from solution import shout


def oracle(text):
    return "".join(c.upper() for c in text) + "!"


class TestShout(unittest.TestCase):
    def test_shouts_a_word(self):
        self.assertEqual(shout("hello"), "HELLO!", 'shout("hello") should be "HELLO!"')

    def test_empty_text(self):
        self.assertEqual(shout(""), "!", 'shout("") should be "!"')

    def test_generated_words(self):
        rng = random.Random(15)
        for _ in range(20):
            text = "".join(rng.choice("abcXYZ 7") for _ in range(rng.randint(1, 8)))
            self.assertEqual(shout(text), oracle(text), f"shout({text!r}) should be {oracle(text)!r}")
`;

export const HARDCODED = `# fails: test_generated_words
# why: returns the handout's examples instead of computing the answer
def shout(text):
    if text == "hello":
        return "HELLO!"
    return "!"
`;

export const NO_UPPER = `# fails: test_shouts_a_word, test_generated_words
# why: forgets to change the text to upper case
def shout(text):
    return text + "!"
`;

/** Files of one assignment (paths relative to its folder) to change: a string writes, null deletes. */
export type Edit = Record<string, string | null>;

/** A course in a new temp folder: one module, then one Shout per entry, `edit` applied. */
export function makeCourse(variants: Record<string, Edit>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "check-course-"));
  const module = join(dir, "01-strings");
  mkdirSync(module);
  writeFileSync(join(module, "module.md"), "---\ntitle: Strings\n---\n\nShouting, many times.\n");
  Object.entries(variants).forEach(([slug, edit], i) => {
    const folder = join(module, `${String(i + 1).padStart(2, "0")}-${slug}`);
    mkdirSync(join(folder, "wrong"), { recursive: true });
    const files: Edit = {
      "handout.md": HANDOUT,
      "reference.py": REFERENCE,
      "starter.py": STARTER,
      "test_solution.py": TESTS,
      "wrong/hardcoded.py": HARDCODED,
      "wrong/no-upper.py": NO_UPPER,
      ...edit,
    };
    for (const [file, text] of Object.entries(files)) {
      if (text !== null) writeFileSync(join(folder, file), text);
    }
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
