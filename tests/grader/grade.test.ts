// The grader through the real bwrap sandbox: outcomes and messages.
import { describe, expect, test } from "bun:test";
import { gradeCode, gradeWithTests } from "../helpers/grading";

const FAST = { GRADER_CPU_SECONDS: "1", GRADER_WALL_SECONDS: "3" };

describe("outcomes", () => {
  test("a correct solution passes every test", async () => {
    const r = await gradeCode("sum", "def sum(a, b):\n    return a + b\n");
    expect(r.outcome).toBe("passed");
    expect(r.tests.length).toBeGreaterThan(0);
    expect(r.tests.every((t) => t.passed)).toBe(true);
  });

  test("a wrong solution fails, with the failing test's message", async () => {
    const r = await gradeCode("sum", "def sum(a, b):\n    return a - b\n");
    expect(r.outcome).toBe("failed");
    const failed = r.tests.filter((t) => !t.passed);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.map((t) => t.message).join("\n")).toContain("sum(2, 3) should be 5");
  });

  test("a syntax error names the line", async () => {
    const r = await gradeCode("sum", "def sum(a, b)\n    return a + b\n");
    expect(r.outcome).toBe("syntax_error");
    expect(r.message).toContain("line 1");
  });

  test("an exception in the function is a runtime error with the student's line", async () => {
    const r = await gradeCode("sum", "def sum(a, b):\n    return a + b + undefined_name\n");
    expect(r.outcome).toBe("runtime_error");
    const msg = r.tests.find((t) => !t.passed)!.message;
    expect(msg).toContain("NameError");
    expect(msg).toContain("line 2");
    expect(msg).not.toContain("student.py"); // harness frames are trimmed
  });

  test("an endless loop is stopped by the CPU limit", async () => {
    const r = await gradeCode("sum", "def sum(a, b):\n    while True:\n        pass\n", FAST);
    expect(r.outcome).toBe("time_limit");
    // The first test that ran (tests run in name order), the limit, and what to look for.
    expect(r.tests[0]!.message).toBe("Stopped in test_adds_floats: it used all of its 1 s of CPU time. Is there a loop that never ends?");
  });

  test("sleeping forever is stopped by the wall-clock limit", async () => {
    const r = await gradeCode("sum", "import time\ntime.sleep(1000)\n", FAST);
    expect(r.outcome).toBe("time_limit");
    expect(r.message).toContain("Your code was stopped before the tests could run: it was still running after 3 s.");
  });

  test("a process that closes its channel and goes on running is stopped, not blamed on the CPU limit", async () => {
    const source =
      "import gc, os, time\nfor o in gc.get_objects():\n    if type(o).__name__ == 'Channel':\n        os.close(o.wfd)\ntime.sleep(30)\n";
    const r = await gradeCode("sum", source, FAST);
    expect(r.outcome).not.toBe("passed");
    expect(r.message).toBe("Your code was stopped before the tests could run: the Python process stopped answering the grader.");
  });

  test("endless printing is stopped at the output cap", async () => {
    const r = await gradeCode("sum", "def sum(a, b):\n    while True:\n        print('spam' * 100)\n", FAST);
    expect(r.outcome).toBe("output_limit");
    expect(r.tests.find((t) => !t.passed)!.message).toContain("it printed more than the 64 KiB allowed.");
    expect(r.output.startsWith("spam")).toBe(true);
    expect(r.output).toEndWith("\n… (cut here: only the first 64 KiB of what your code printed is kept)");
  });

  test("writing past the cap straight to the file descriptor is stopped too", async () => {
    const r = await gradeCode("sum", "import os\nwhile True:\n    os.write(1, b'x' * 65536)\n", FAST);
    expect(r.outcome).toBe("output_limit");
  });

  test("a memory bomb hits the memory limit", async () => {
    const r = await gradeCode("sum", "def sum(a, b):\n    x = 'a' * (1 << 30)\n    return a + b\n");
    expect(r.outcome).toBe("memory_limit");
  });

  test("what the code prints is kept as output", async () => {
    const r = await gradeCode("sum", "print('loading')\ndef sum(a, b):\n    print('adding', a, b)\n    return a + b\n");
    expect(r.outcome).toBe("passed");
    expect(r.output).toContain("loading");
    expect(r.output).toContain("adding 2 3");
  });

  test("a missing function is named in the message", async () => {
    const r = await gradeCode("sum", "def add(a, b):\n    return a + b\n");
    expect(r.outcome).toBe("failed");
    expect(r.message).toContain("'sum'");
  });
});

describe("verdicts the student's code cannot forge", () => {
  const wrong = "def sum(a, b):\n    return 0\n";

  test("patching unittest's assertEqual does not reach the tests", async () => {
    const r = await gradeCode(
      "sum",
      `import unittest\nunittest.TestCase.assertEqual = lambda *a, **k: None\nunittest.TestCase.assertAlmostEqual = lambda *a, **k: None\n${wrong}`,
    );
    expect(r.outcome).toBe("failed");
  });

  test("printing a fake OK and exiting with os._exit(0) is not a pass", async () => {
    const r = await gradeCode("sum", "import os\nprint('Ran 5 tests\\n\\nOK')\nos._exit(0)\n");
    expect(r.outcome).not.toBe("passed");
  });

  test("os._exit(0) inside the function is not a pass", async () => {
    const r = await gradeCode("sum", "import os\ndef sum(a, b):\n    os._exit(0)\n");
    expect(r.outcome).not.toBe("passed");
  });

  test("sys.exit(0) at import is not a pass", async () => {
    const r = await gradeCode("sum", "import sys\nsys.exit(0)\n");
    expect(r.outcome).toBe("runtime_error");
  });

  test("KeyboardInterrupt and BaseException inside the function are errors, not passes", async () => {
    for (const exc of ["KeyboardInterrupt", "BaseException", "SystemExit"]) {
      const r = await gradeCode("sum", `def sum(a, b):\n    raise ${exc}()\n`);
      expect(r.outcome).toBe("runtime_error");
    }
  });

  test("an object that claims to equal everything is not a pass", async () => {
    const r = await gradeCode(
      "sum",
      "class Eq:\n    def __eq__(self, o): return True\n    def __ne__(self, o): return False\ndef sum(a, b):\n    return Eq()\n",
    );
    expect(r.outcome).not.toBe("passed");
  });

  test("writing fake replies on the channel only chooses return values", async () => {
    const src = "import os, sys\ndef sum(a, b):\n    os.write(1, b'{\"value\": 5}\\n')\n    return 0\n";
    const r = await gradeCode("sum", src);
    expect(r.outcome).not.toBe("passed");
  });
});

describe("feedback a beginner can act on", () => {
  test("a failed comparison shows the call, expected and actual", async () => {
    const r = await gradeCode("hello", "def hello():\n    return 'Hello '\n");
    const t = r.tests.find((x) => x.name === "test_returns_hello")!;
    expect(t).toMatchObject({ passed: false, call: "hello()", expected: "'Hello'", actual: "'Hello '" });
  });

  test("arguments are shown as the student would write them", async () => {
    const r = await gradeCode("sum", "def sum(a, b):\n    return a - b\n");
    const t = r.tests.find((x) => x.name === "test_adds_two_positive_numbers")!;
    expect(t).toMatchObject({ call: "sum(2, 3)", expected: "5", actual: "-1" });
  });

  test("what the student's code prints goes to tests that capture stdout", async () => {
    // The runner writes each call's printed output to its own stdout, so
    // contextlib.redirect_stdout in a test sees it (checked through the output field).
    const r = await gradeCode("sum", "def sum(a, b):\n    print(a, '+', b)\n    return a + b\n");
    expect(r.output).toContain("2 + 3");
  });
});

describe("the bounds of a reply leave room for honest values", () => {
  test("100,000 items (the item budget) of the longest floats, a set of as many ints and a dict of half as many pairs cross whole", async () => {
    // [-1.2345678901234567e-300] * 99,999 is about 2.5 MB of JSON: under the 3 MiB reply cap.
    const source =
      "def floats():\n    return [-1.2345678901234567e-300] * 99_999\n\n" +
      "def numbers():\n    return set(range(-50_000, 49_999))\n\ndef pairs():\n    return {i: -i for i in range(49_999)}\n";
    const tests =
      "import unittest\nfrom solution import floats, numbers, pairs\n\n\nclass T(unittest.TestCase):\n" +
      "    def test_floats(self):\n        self.assertEqual(floats(), [-1.2345678901234567e-300] * 99_999)\n\n" +
      "    def test_keys(self):\n        self.assertEqual(numbers(), set(range(-50_000, 49_999)))\n" +
      "        self.assertEqual(pairs(), {i: -i for i in range(49_999)})\n";
    const r = await gradeWithTests(tests, source);
    expect({ outcome: r.outcome, tests: r.tests }).toMatchObject({ outcome: "passed" });
  });
});
