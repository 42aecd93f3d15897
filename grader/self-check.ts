// Before a grader takes any job, its sandbox grades a known-correct sample. A sandbox that
// starts but cannot run a job (the seccomp filter on a CPU it does not know, a python that
// cannot run in it, cgroups refused) would otherwise turn every submission into "error".
import type { Runner } from "./grade";

const SAMPLE = {
  source: "def add(a, b):\n    return a + b\n",
  tests:
    "import unittest\nfrom solution import add\n\n\nclass TestAdd(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(add(2, 3), 5)\n",
};

/** Undefined when the sandbox grades the sample as passed, else why not, in words. */
export async function selfCheck(runner: Runner): Promise<string | undefined> {
  let why = "";
  // Twice: the first job also pays for starting the sandbox, which a loaded host may make slow.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const r = await runner.grade(SAMPLE);
      if (r.outcome === "passed") return undefined;
      why = `a known-correct sample was graded ${r.outcome}: ${r.message}`;
    } catch (e) {
      why = `grading a known-correct sample failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  // seccomp.py knows the system call numbers of these two only, and refuses any other ABI.
  if (!["x64", "arm64"].includes(process.arch)) why += ` (the sandbox's seccomp filter supports x86_64 and aarch64, not ${process.arch})`;
  return why;
}
