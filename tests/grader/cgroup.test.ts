// grader/cgroup.ts on this machine's real cgroup hierarchy (as root, v1 or v2): a job slot's
// cgroup holds the limits it was given and they bind every process in it together; a slot
// is removed once empty; slots whose grader is gone are swept, a live grader's are kept.
// Where no cgroup can be made (not root, no writable hierarchy) the tests are skipped.
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createSlotCgroup, detectCgroups, removeSlotCgroup, type SlotCgroup, sweepStaleCgroups } from "../../grader/cgroup";

const mode = detectCgroups();
const made: SlotCgroup[] = [];
afterAll(() => made.forEach(removeSlotCgroup));

/** A slot named as the sandbox names them: slot-<owner pid>-<uid>. */
function slot(owner: number, memoryBytes = 64 * 1024 * 1024, pids = 16): SlotCgroup {
  const c = createSlotCgroup(mode, `slot-${owner}-${Math.floor(Math.random() * 1e9)}`, memoryBytes, pids);
  if (!c) throw new Error(`no ${mode} cgroup could be made`);
  made.push(c);
  return c;
}

const read = (file: string) => readFileSync(file, "utf8").trim();
const file = (c: SlotCgroup, name: string) => join(c.dirs.find((d) => existsSync(join(d, name)))!, name);

/** A shell that waits for a line on stdin, then runs `script`: time to move it into a cgroup first. */
function waitingShell(script: string) {
  return Bun.spawn(["sh", "-c", `read go; ${script}`], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
}

describe.if(mode !== "none")(`slot cgroups (${mode})`, () => {
  test("the limits given are the ones written, and the OOM counter is where it says", () => {
    const c = slot(process.pid, 96 * 1024 * 1024, 24);
    const memory = mode === "v1" ? "memory.limit_in_bytes" : "memory.max";
    expect(read(file(c, memory))).toBe(String(96 * 1024 * 1024));
    expect(read(file(c, "pids.max"))).toBe("24");
    expect(read(c.oom.file)).toMatch(new RegExp(`^${c.oom.key} 0$`, "m"));
    for (const procs of c.procs) expect(read(procs)).toBe("");
  });

  test("the process limit binds the job's processes together, children included", async () => {
    const c = slot(process.pid, 64 * 1024 * 1024, 4);
    // Python and three children fit; of eight forks, the other five fail.
    const forks = [
      "import os, sys, time",
      "sys.stdin.readline()",
      "n = 0",
      "for i in range(8):",
      "    try:",
      "        if os.fork() == 0:",
      "            time.sleep(1)",
      "            os._exit(0)",
      "        n += 1",
      "    except OSError:",
      "        pass",
      "print(n)",
    ].join("\n");
    const py = Bun.spawn(["/usr/bin/python3", "-c", forks], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
    for (const procs of c.procs) writeFileSync(procs, String(py.pid));
    for (const procs of c.procs) expect(read(procs).split("\n")).toContain(String(py.pid));
    py.stdin.write("go\n");
    py.stdin.end();
    expect((await new Response(py.stdout).text()).trim()).toBe("3");
    expect(await py.exited).toBe(0);
  });

  test("the memory limit binds them together too: children each under it, all together over it, meet the OOM killer", async () => {
    const c = slot(process.pid, 64 * 1024 * 1024, 16);
    const hogs = [
      "import os, sys, time",
      "sys.stdin.readline()",
      "kids = []",
      "for i in range(3):",
      "    pid = os.fork()",
      "    if pid == 0:",
      "        b = b'x' * (30 << 20)",
      "        time.sleep(1)",
      "        os._exit(0)",
      "    kids.append(pid)",
      "print(sum(1 for k in kids if os.WIFSIGNALED(os.waitpid(k, 0)[1])))",
    ].join("\n");
    const py = Bun.spawn(["/usr/bin/python3", "-c", hogs], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
    for (const procs of c.procs) writeFileSync(procs, String(py.pid));
    py.stdin.write("go\n");
    py.stdin.end();
    expect(Number((await new Response(py.stdout).text()).trim())).toBeGreaterThanOrEqual(1);
    await py.exited;
    const kills = new RegExp(`^${c.oom.key} (\\d+)$`, "m").exec(read(c.oom.file))?.[1];
    expect(Number(kills)).toBeGreaterThanOrEqual(1);
  });

  test("removing a slot removes its directories once its processes are gone, not before", async () => {
    const c = slot(process.pid);
    const sh = waitingShell("exit 0");
    for (const procs of c.procs) writeFileSync(procs, String(sh.pid));
    removeSlotCgroup(c); // a process still in it: left alone, no error
    expect(c.dirs.every((d) => existsSync(d))).toBe(true);
    sh.stdin.write("go\n");
    sh.stdin.end();
    await sh.exited;
    for (let i = 0; i < 50 && c.dirs.some((d) => existsSync(d)); i++) {
      removeSlotCgroup(c);
      await Bun.sleep(20);
    }
    expect(c.dirs.some((d) => existsSync(d))).toBe(false);
    expect(() => removeSlotCgroup(undefined)).not.toThrow();
  });

  test("the sweep removes the slots of graders that are gone and keeps a live grader's and other names", async () => {
    const gone = Bun.spawn(["true"]);
    await gone.exited;
    const dead = slot(gone.pid);
    const live = slot(process.pid);
    const parents = [...new Set(live.dirs.map((d) => dirname(d)))];
    const other = parents.map((p) => join(p, `not-a-slot-${gone.pid}`)); // a gone pid, but not a slot name
    for (const d of other) mkdirSync(d, { recursive: true });
    try {
      sweepStaleCgroups(mode);
      expect(dead.dirs.filter((d) => existsSync(d)).map((d) => basename(d))).toEqual([]);
      expect(live.dirs.every((d) => existsSync(d))).toBe(true);
      expect(other.every((d) => existsSync(d))).toBe(true);
    } finally {
      for (const d of other) rmdirSync(d);
    }
  });
});
