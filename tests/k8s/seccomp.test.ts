// The graders' seccomp profile (deploy/k8s/profiles/pypractice-grader.json) compiled by
// libseccomp and loaded the way a container runtime loads it (tests/k8s/seccomp-load.py: after
// the capabilities, with no_new_privs, then exec), around the grader started as the pod starts
// it (pod.ts): it self-checks and grades every kind of outcome; the calls it refuses fail with
// ENOSYS; a profile missing one call the grader needs stops it (so this test can fail); and
// grader/main.ts under it grades through Redis and Postgres and passes its health check.
// No kubelet or containerd here: README "Kubernetes" says what only a cluster adds.
import { beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readAssignments } from "../../src/assignments/files";
import { configOrExit } from "../../src/config";
import { unique } from "../helpers/app";
import { startGrader } from "../helpers/processes";
import { finalState, Stack } from "../helpers/stack";
import { asInThePod, canRun } from "./pod";
import { K8S, ROOT } from "./tools";

setDefaultTimeout(120_000);

const PYTHON = "/usr/bin/python3";
const LOADER = join(ROOT, "tests/k8s/seccomp-load.py");
const PROFILE = join(K8S, "profiles/pypractice-grader.json");
const ENOSYS = 38;
const profile = JSON.parse(readFileSync(PROFILE, "utf8")) as { syscalls: { names: string[] }[] } & Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), "pypractice-seccomp-"));
const hasLibseccomp = () => Bun.spawnSync([PYTHON, "-c", "import seccomp"]).exitCode === 0;

beforeAll(() => {
  // Debian's binding of libseccomp; about 3.5 s to install where it is missing (.ci/run does it too).
  if (hasLibseccomp() || process.getuid?.() !== 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => Bun.spawnSync(["apt-get", "install", "-y", "-qq", "python3-seccomp"], { env }).exitCode === 0;
  if (!install()) {
    Bun.spawnSync(["apt-get", "update", "-qq"], { env });
    install();
  }
  if (!hasLibseccomp()) throw new Error("python3-seccomp (libseccomp for Python) could not be installed");
});

const run = (cmd: string[]) => {
  const p = Bun.spawnSync(cmd, { stderr: "pipe" });
  expect(p.stderr.toString()).toBe("");
  return JSON.parse(p.stdout.toString()) as Record<string, unknown>;
};
/** The command line that runs `cmd` under a profile. */
const underProfile = (path: string, cmd: string[] = []) => [PYTHON, LOADER, path, "--", ...cmd];

/** The profile with `name` taken out of every rule, written to a file. */
function without(name: string): string {
  const copy = structuredClone(profile);
  for (const rule of copy.syscalls) rule.names = rule.names.filter((n) => n !== name);
  const path = join(dir, `without-${name}.json`);
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

test("the profile is an allowlist: refuse by default with ENOSYS, every name known to libseccomp", () => {
  expect(profile).toMatchObject({
    defaultAction: "SCMP_ACT_ERRNO",
    defaultErrnoRet: ENOSYS,
    architectures: ["SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64"],
  });
  const check = run([PYTHON, LOADER, PROFILE, "--check"]) as { unknown: string[]; absent: Record<string, string[]> };
  expect(check.unknown).toEqual([]);
  expect(check.absent.SCMP_ARCH_X86_64).toEqual([]);
  // aarch64 lacks only x86_64's older calls, whose *at and generic forms are in the list.
  expect(check.absent.SCMP_ARCH_AARCH64).toContain("open");
  expect(check.absent.SCMP_ARCH_AARCH64).not.toContain("openat");
});

describe.skipIf(!canRun)("under the profile", () => {
  test("calls it refuses fail with ENOSYS; without it the kernel answers them", () => {
    const probe = [PYTHON, join(ROOT, "tests/k8s/seccomp-probe.py")];
    const confined = run(underProfile(PROFILE, probe));
    const { NoNewPrivs, Seccomp, getppid, ...refused } = confined;
    expect({ NoNewPrivs, Seccomp, getppid }).toEqual({ NoNewPrivs: "1", Seccomp: "2", getppid: 0 });
    for (const [call, errno] of Object.entries(refused)) expect({ call, errno }).toEqual({ call, errno: ENOSYS });
    // The same calls unconfined: these reach the kernel (it says EINVAL, EFAULT or yes).
    const open = run(probe);
    for (const call of ["bpf", "keyctl", "userfaultfd", "perf_event_open", "socket(AF_PACKET)", "personality(ADDR_NO_RANDOMIZE)"]) {
      expect({ call, errno: open[call] }).not.toEqual({ call, errno: ENOSYS });
    }
  });

  test.skipIf(process.arch !== "x64")("a call through the x32 entry point (not listed) kills the process", () => {
    const p = Bun.spawnSync(underProfile(PROFILE, [PYTHON, join(ROOT, "tests/k8s/seccomp-probe.py"), "x32"]));
    expect(p.signalCode).toBe("SIGSYS");
    // Unconfined, the kernel answers it (the pid, or ENOSYS where the kernel lacks x32).
    expect(Bun.spawnSync([PYTHON, join(ROOT, "tests/k8s/seccomp-probe.py"), "x32"]).signalCode).toBeFalsy();
  });

  test("why ENOSYS: threads start through clone when clone3 is refused with it, not with EPERM", () => {
    const thread = [PYTHON, "-c", "import threading; t = threading.Thread(target=print, args=('thread',)); t.start(); t.join()"];
    const eperm = join(dir, "eperm.json");
    writeFileSync(eperm, JSON.stringify({ ...profile, defaultErrnoRet: 1 }));
    expect(Bun.spawnSync(underProfile(PROFILE, thread)).stdout.toString()).toBe("thread\n");
    const refused = Bun.spawnSync(underProfile(eperm, thread), { stderr: "pipe" });
    expect(refused.stderr.toString()).toContain("can't start new thread");
  });

  test("the grader self-checks and grades: passed, failed, time, memory and output limits, a contained exploit", async () => {
    const config = configOrExit();
    const sum = readAssignments(config.assignmentsDir).find((a) => a.slug === "sum")!.testCode;
    const exploit = (f: string) => readFileSync(join(ROOT, "tests/exploits", f), "utf8");
    const jobs = [
      { name: "passed", source: "def sum(a, b):\n    return a + b\n" },
      { name: "time_limit", source: "def sum(a, b):\n    while True:\n        pass\n" },
      { name: "memory_limit", source: exploit("04-memory-bomb.py") },
      { name: "output_limit", source: exploit("06-endless-print.py") },
      { name: "passed (user namespace refused)", source: exploit("33-userns-ctypes.py") },
    ].map((j) => ({ ...j, tests: sum }));
    writeFileSync(join(dir, "jobs.json"), JSON.stringify(jobs));
    const r = await asInThePod("unmasked", {
      POD_WRAP: underProfile(PROFILE).join(" "),
      POD_JOBS: join(dir, "jobs.json"),
      GRADER_CPU_SECONDS: "1",
      GRADER_WALL_SECONDS: "3",
    });
    expect(r).toMatchObject({ uid: 0, privilege: "userns", mode: "bwrap", selfCheck: "passed", grade: "failed" });
    expect(r.outcomes).toEqual(Object.fromEntries(jobs.map((j) => [j.name, j.name.split(" ")[0]])));
  });

  test("without pivot_root (bwrap's new root) the grader refuses to start", async () => {
    const r = await asInThePod("unmasked", { POD_WRAP: underProfile(without("pivot_root")).join(" ") });
    expect(r.error).toContain("bubblewrap cannot start a sandbox here");
  });

  test("without socketpair (the grader's channel to its sandbox) the self-check fails", async () => {
    const r = await asInThePod("unmasked", { POD_WRAP: underProfile(without("socketpair")).join(" ") });
    expect(r.selfCheck).toBe("grading a known-correct sample failed: ENOSYS: function not implemented, socketpair");
  });

  // The pod's other side, outside its namespaces: grader/main.ts under the profile takes jobs
  // from Redis, writes results to Postgres, beats its heartbeat (the health check, an exec
  // probe, runs under the same profile) and stops cleanly on SIGTERM.
  test("grader/main.ts under the profile grades queued submissions; its health check passes", async () => {
    const stack = await new Stack({ GRADER_HEARTBEAT_SECONDS: "2" }).start(0);
    try {
      const grader = await startGrader({ GRADER_SANDBOX: "bwrap" }, { wrap: underProfile(PROFILE) });
      stack.graders.push(grader);
      const health = Bun.spawnSync(underProfile(PROFILE, ["bun", "deploy/healthcheck.ts", "grader"]), { cwd: ROOT, env: process.env });
      expect(health.exitCode).toBe(0);
      const assignment = await stack.assignment("hello");
      // One client each: a student has one submission in flight at a time.
      const codes = ["def hello():\n    return 'Hello'\n", "def hello():\n    return 'Bye'\n"];
      const outcomes = await Promise.all(
        codes.map(async (code) => {
          const client = stack.client();
          const res = await client.submit(assignment, unique(code));
          expect(res.status).toBe(202);
          return (await finalState(client, ((await res.json()) as { id: number }).id)).outcome;
        }),
      );
      expect(outcomes).toEqual(["passed", "failed"]);
    } finally {
      await stack.stop();
    }
    expect(stack.graders[0]!.proc.exitCode).toBe(0);
    expect(stack.graders[0]!.lines.join("\n")).toContain("grader stopped");
  });
});
