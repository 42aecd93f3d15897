// The zygote is one process per grader: if it dies (a bug, the OOM killer), the job in hand
// is graded in a sandbox from a new zygote instead of being lost as an error.
import { expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { gradeCode, runnerFor } from "../helpers/grading";

const ENV = { GRADER_WALL_SECONDS: "6" }; // a runner of this file's own
const CORRECT = "def sum(a, b):\n    return a + b\n";

/** Pids of the zygote processes below `root` (bwrap's child running zygote.py). */
function zygotesUnder(root: number): number[] {
  const children = new Map<number, number[]>();
  const cmd = new Map<number, string>();
  for (const name of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      cmd.set(Number(name), readFileSync(`/proc/${name}/cmdline`, "utf8"));
    } catch {
      // gone while we looked
    }
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      if (cmd.get(c)?.includes("zygote.py") && !cmd.get(c)?.startsWith("bwrap")) found.push(c);
      else walk(c);
    }
  };
  walk(root);
  return found;
}

test("a job is graded even when the zygote died before it", async () => {
  expect((await gradeCode("sum", CORRECT, ENV)).outcome).toBe("passed");
  const server = (runnerFor(ENV) as unknown as { server: { pid: number } }).server.pid;
  const zygotes = zygotesUnder(server);
  expect(zygotes.length).toBe(1);
  process.kill(zygotes[0]!, "SIGKILL");
  await Bun.sleep(200);
  for (let i = 0; i < 3; i++) expect((await gradeCode("sum", CORRECT, ENV)).outcome).toBe("passed");
  expect(zygotesUnder(server).length).toBe(1);
});
