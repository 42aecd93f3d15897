// Run inside tests/k8s/pod.ts's namespaces, the way the grader pod starts: the grader's own
// start-up (sandbox mode, self-check), then one real grade, and the jobs of the JSON file
// POD_JOBS names ({ name, source, tests }[]), if any: their outcomes by name. Prints one JSON line.

import { Runner } from "../../grader/grade";
import { createSandbox, destroySandbox, privilege, sandboxModeHere } from "../../grader/sandbox";
import { selfCheck } from "../../grader/self-check";
import { configOrExit } from "../../src/config";

const config = configOrExit();
const report: Record<string, unknown> = { uid: process.getuid?.(), privilege: privilege() };
try {
  const mode = await sandboxModeHere(config);
  const sandbox = createSandbox(config, mode);
  const runner = new Runner(config, sandbox);
  report.mode = mode;
  report.uids = sandbox.slots.map((s) => s.uid);
  report.selfCheck = (await selfCheck(runner)) ?? "passed";
  const r = await runner.grade({
    source: "def double(x):\n    return x * 3\n",
    tests:
      "import unittest\nfrom solution import double\n\n\nclass T(unittest.TestCase):\n    def test_double(self):\n        self.assertEqual(double(2), 4)\n",
  });
  report.grade = r.outcome;
  const jobs: { name: string; source: string; tests: string }[] = process.env.POD_JOBS ? await Bun.file(process.env.POD_JOBS).json() : [];
  const outcomes: Record<string, string> = {};
  for (const job of jobs) outcomes[job.name] = (await runner.grade(job)).outcome;
  if (jobs.length) report.outcomes = outcomes;
  runner.stop();
  destroySandbox(sandbox);
} catch (e) {
  report.error = e instanceof Error ? e.message : String(e);
}
console.log(JSON.stringify(report));
process.exit(0);
