// GRADER_SANDBOX=rlimit (no bubblewrap, development only): the same zygote and runner
// without namespaces. Jobs are still graded, and a job's processes (a daemon in a session of
// its own included) are ended with the job, by its slot uid.
import { afterAll, describe, expect, test } from "bun:test";
import { Runner } from "../../grader/grade";
import { createSandbox, destroySandbox, slotUids } from "../../grader/sandbox";
import { testConfig } from "../helpers/app";
import { filesOf, processesOf } from "../helpers/grading";

const config = testConfig({ GRADER_WALL_SECONDS: "3", GRADER_CPU_SECONDS: "1" });
const sandbox = createSandbox(config, "rlimit", slotUids(config, process.pid + 7_000_000));
const runner = new Runner(config, sandbox);
afterAll(() => {
  runner.stop();
  destroySandbox(sandbox);
});

const grade = (source: string) => runner.grade({ source, tests: filesOf("sum").testCode });

describe("rlimit mode", () => {
  test("grades: passed, failed, time_limit", async () => {
    expect((await grade("def sum(a, b):\n    return a + b\n")).outcome).toBe("passed");
    expect((await grade("def sum(a, b):\n    return a - b\n")).outcome).toBe("failed");
    expect((await grade("def sum(a, b):\n    while True:\n        pass\n")).outcome).toBe("time_limit");
  });

  test.skipIf(process.getuid?.() !== 0)("a daemon of a job does not outlive it", async () => {
    const daemon =
      "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(60)\n    os._exit(0)\ndef sum(a, b):\n    return a + b\n";
    expect((await grade(daemon)).outcome).toBe("passed");
    await grade("def sum(a, b):\n    return a + b\n"); // the daemon's slot is cleaned before it is used again
    await grade("def sum(a, b):\n    return a + b\n");
    await Bun.sleep(300);
    // Only the prepared student process of the next job may run under a slot uid.
    expect(processesOf(runner.uids).filter((p) => p.name !== "python3")).toEqual([]);
    expect(processesOf(runner.uids).length).toBeLessThanOrEqual(1);
  });
});
