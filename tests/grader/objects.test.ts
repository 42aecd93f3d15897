// Assignments on classes, generators and in-place changes, graded through the real sandbox:
// a test file of the kind authors write (objects/test_solution.py), its reference, and wrong
// variants whose feedback must name the call, the expected and the actual value.
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gradeWithTests } from "../helpers/grading";

setDefaultTimeout(60_000);

const DIR = join(import.meta.dir, "objects");
const TESTS = readFileSync(join(DIR, "test_solution.py"), "utf8");
const REFERENCE = readFileSync(join(DIR, "reference.py"), "utf8");

/** The reference with one piece of code swapped for a mistake. */
function variant(from: string, to: string): string {
  expect(REFERENCE).toContain(from);
  return REFERENCE.replace(from, to);
}

const failed = async (source: string) => {
  const r = await gradeWithTests(TESTS, source);
  return { outcome: r.outcome, failures: Object.fromEntries(r.tests.filter((t) => !t.passed).map((t) => [t.name, t])) };
};

describe("objects, generators and in-place changes", () => {
  test("the reference passes every test", async () => {
    const r = await gradeWithTests(TESTS, REFERENCE);
    expect(r.tests.filter((t) => !t.passed)).toEqual([]);
    expect(r).toMatchObject({ outcome: "passed", message: "All 12 tests passed." });
  });

  test("a student's own exception class under ValueError is caught as a ValueError", async () => {
    const source = `class InsufficientFunds(ValueError):\n    pass\n\n${variant('raise ValueError("not enough money")', 'raise InsufficientFunds("not enough money")')}`;
    expect((await gradeWithTests(TESTS, source)).outcome).toBe("passed");
  });

  test("the rest of what a test may do: items, membership, dropped objects, copies refused", async () => {
    const tests = `import copy, unittest
from grading import type_name
from solution import Grid, InsufficientFunds, fail


class T(unittest.TestCase):
    def test_items(self):
        grid = Grid()
        grid["a"] = [1]
        self.assertEqual(grid["a"], [1])
        self.assertIn("a", grid)
        del grid["a"]
        self.assertNotIn("a", grid)

    def test_exception_type(self):
        with self.assertRaises(ValueError) as cm:
            fail()
        self.assertEqual(type_name(cm.exception), "InsufficientFunds")
        self.assertEqual(type_name(InsufficientFunds), "type")

    def test_many_objects_one_after_another(self):
        for i in range(12_000):
            self.assertEqual(Grid().cells, {})

    def test_no_copies_and_no_order(self):
        with self.assertRaises(TypeError):
            copy.copy(Grid())
        with self.assertRaises(TypeError):
            Grid() < Grid()
`;
    const source = `class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells[key]
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells


class InsufficientFunds(ValueError):
    pass


def fail():
    raise InsufficientFunds("no")
`;
    const r = await gradeWithTests(tests, source);
    expect(r.tests.filter((t) => !t.passed)).toEqual([]);
    expect(r.outcome).toBe("passed");
  });

  test("a wrong method: the call on the object, expected and actual", async () => {
    const { outcome, failures } = await failed(variant("self.balance += amount", "self.balance -= amount"));
    expect(outcome).toBe("failed");
    expect(failures.test_deposit_adds).toMatchObject({
      call: "BankAccount(100).deposit(50)",
      expected: "150",
      actual: "50",
      message: expect.stringContaining("after deposit(50) the balance should be 150"),
    });
    expect(failures.test_transfer_between_two_accounts?.call).toBe("BankAccount(100).transfer(BankAccount(5), 30)");
  });

  test("a missing exception names the call that should have raised", async () => {
    const { failures } = await failed(variant('raise ValueError("not enough money")', "return"));
    expect(failures.test_withdraw_too_much_raises_value_error).toMatchObject({
      call: "BankAccount(10).withdraw(11)",
      message: expect.stringContaining("ValueError not raised"),
    });
  });

  test("an object where plain data was expected shows as the object", async () => {
    const { failures } = await failed(variant("return self.items.pop()", "return self"));
    expect(failures.test_push_pop_len).toMatchObject({ call: "Stack().pop()", expected: "3.0", actual: "<Stack object>" });
  });

  test("a str() the tests did not expect", async () => {
    const { failures } = await failed(variant('return f"Stack({self.items})"', 'return f"{self.items}"'));
    expect(failures.test_str_shows_the_items).toMatchObject({ expected: "'Stack([1, 2])'", actual: "'[1, 2]'" });
  });

  test("a list instead of a generator", async () => {
    const { failures } = await failed(
      variant("    while n > 0:\n        yield n\n        n -= 1", "    return list(range(min(n, 9), 0, -1))"),
    );
    expect(failures.test_countdown_is_a_generator).toMatchObject({ call: "countdown(5)", expected: "'generator'", actual: "'list'" });
  });

  test("a copy instead of a change in place", async () => {
    const { failures } = await failed(variant("    xs.reverse()", "    return xs[::-1]"));
    expect(failures.test_reverse_in_place).toMatchObject({ call: "reverse_in_place([1, 2, 3])", expected: "None", actual: "[3, 2, 1]" });
    expect(failures.test_reverse_in_place_keeps_the_same_list).toMatchObject({ expected: "['b', 'a']", actual: "['a', 'b']" });
  });

  test("a generator that never ends where the tests read it all", async () => {
    const { outcome, failures } = await failed(variant("        n -= 1", "        n += 0"));
    expect(outcome).toBe("runtime_error");
    expect(failures.test_countdown?.message).toBe(
      "Your generator gave more than 10,000 items and the tests stopped asking: does it ever end?",
    );
  });
});
