// Every assignment is gradable: through the real grader its reference passes and its
// starter fails.
import { describe, expect, test } from "bun:test";
import { assignmentFiles, gradeCode } from "../helpers/grading";

describe("assignments on disk", () => {
  test("there are at least 12, numbered in order, the seed's three first", () => {
    expect(assignmentFiles.length).toBeGreaterThanOrEqual(12);
    expect(assignmentFiles.slice(0, 3).map((a) => a.title)).toEqual(["Hello", "Hello world", "Sum"]);
    const positions = assignmentFiles.map((a) => a.position);
    expect(new Set(positions).size).toBe(positions.length);
  });

  for (const a of assignmentFiles) {
    test(`${a.slug}: the reference passes and the starter fails`, async () => {
      const [ref, starter] = await Promise.all([gradeCode(a.slug, a.referenceCode), gradeCode(a.slug, a.starterCode)]);
      expect({ slug: a.slug, outcome: ref.outcome, failing: ref.tests.filter((t) => !t.passed) }).toEqual({
        slug: a.slug,
        outcome: "passed",
        failing: [],
      });
      expect(starter.outcome).not.toBe("passed");
      expect(starter.outcome).not.toBe("syntax_error");
      expect(a.handout.length).toBeGreaterThan(50);
    });
  }
});
