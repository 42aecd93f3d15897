// A grader grades a known-correct sample before it takes jobs (grader/self-check.ts).
import { expect, test } from "bun:test";
import { Runner } from "../../grader/grade";
import { createSandbox, destroySandbox, slotUids } from "../../grader/sandbox";
import { selfCheck } from "../../grader/self-check";
import { testConfig } from "../helpers/app";

async function check(breakIt: (argv: string[]) => string[]) {
  const config = testConfig();
  const sandbox = createSandbox(config, "bwrap", slotUids(config, process.pid + 7_000_000));
  sandbox.argv = breakIt(sandbox.argv);
  const runner = new Runner(config, sandbox);
  try {
    return await selfCheck(runner);
  } finally {
    runner.stop();
    destroySandbox(sandbox);
  }
}

test("a working sandbox passes", async () => {
  expect(await check((argv) => argv)).toBeUndefined();
});

test("a sandbox that cannot start its zygote fails, with the reason in words", async () => {
  // bwrap starts /usr/bin/false instead of python3 and the zygote.
  const why = await check((argv) => argv.map((a) => (a === testConfig().python ? "/usr/bin/false" : a)));
  expect(why).toContain("grading a known-correct sample failed");
}, 30_000);
