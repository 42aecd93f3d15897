// A student process can stop reading its requests while staying alive: it answers the first
// call on the channel itself and then sleeps. The next request is larger than a pipe holds,
// so a plain blocking write would hang the trusted server until the grader's backstop
// (the job would end as a grader error). The wall clock must still decide: time_limit.
import { expect, setDefaultTimeout, test } from "bun:test";
import { runnerFor } from "../helpers/grading";

setDefaultTimeout(30_000);

const ENV = { GRADER_WALL_SECONDS: "2" }; // a runner of this file's own, with a short wall clock

const TESTS = `import unittest
from solution import total

class TestTotal(unittest.TestCase):
    def test_a_small(self):
        self.assertEqual(total([1, 2]), 3)

    def test_b_big(self):
        self.assertEqual(total(list(range(50_000))), 1249975000)
`;

const STALLS = `import gc, time

def total(xs):
    for obj in gc.get_objects():
        if type(obj).__name__ == "Channel":
            obj.write({"value": 3, "output": ""})  # the reply, sent early
            time.sleep(60)  # and no more reading
    return -1
`;

test("a student that stops reading ends as time_limit, and the grader goes on", async () => {
  const runner = runnerFor(ENV);
  const t0 = performance.now();
  const r = await runner.grade({ source: STALLS, tests: TESTS });
  expect({ outcome: r.outcome, ms: performance.now() - t0 < 10_000 }).toEqual({ outcome: "time_limit", ms: true });
  expect(r.tests.find((t) => t.name.includes("small"))?.passed).toBe(true);
  const ok = await runner.grade({ source: "def total(xs):\n    return sum(xs)\n", tests: TESTS });
  expect(ok.outcome).toBe("passed");
});
