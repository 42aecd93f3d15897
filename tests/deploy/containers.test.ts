// The production stack in real containers: our images built from the Dockerfiles as they are,
// compose.prod.yml run as it is (a .env and a project name of the test's own, a free port),
// and everything checked only through the published proxy port, as a student would reach it,
// or by what an operator does to containers (kill, stop, restart, scale, down, up).
// Installs a Docker engine and Compose v2 when missing (containers/engine.ts) and builds
// stand-ins for public base images no registry here can give (containers/standins.ts).
// Leaves nothing behind: containers, volumes, our images and their build cache are removed.
// Set SKIP_CONTAINERS=1 to leave this file out of a quick local run.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCourse } from "../../src/assignments/files";
import { assignmentIds, Client } from "./../helpers/app";
import { finalState, pollSubmission, readEvents, type StreamEvent } from "./../helpers/events";
import { freePort } from "./../helpers/processes";
import { devStack } from "./containers/dev";
import { ensureEngine } from "./containers/engine";
import { graderPid, inspect, must, oomKills, processesOf, Stack, sh, waitHealthy, writeFiles } from "./containers/stack";
import { ensureBaseImages } from "./containers/standins";

const ROOT = join(import.meta.dir, "..", "..");
const canRun =
  process.platform === "linux" && !process.env.SKIP_CONTAINERS && (process.getuid?.() === 0 || sh(["docker", "info"]).code === 0);

const phases: [string, number][] = [];
async function phase<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const s = (performance.now() - started) / 1000;
    phases.push([name, s]);
    console.log(`containers: ${name}: ${s.toFixed(1)} s`);
  }
}

const run = `ppct${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), "pp-containers-"));
const port = freePort();
const base = `http://127.0.0.1:${port}`;
const stack = new Stack(run, [join(ROOT, "compose.prod.yml"), join(dir, "override.yml")], join(dir, ".env"), ROOT);

let ids: Record<string, number> = {};
const sumCode = (tag: string, body = "return a + b", before = "") =>
  `${before}def sum(a, b):\n    ${body}\n# ${tag} ${crypto.randomUUID()}\n`;
/** Correct, but holds the job for `seconds` first (while the test does something to it). */
const slowSum = (seconds: number) => sumCode("slow", "return a + b", `import time\ntime.sleep(${seconds})\n`);

async function submit(client: Client, slug: string, code: string): Promise<any> {
  const res = await client.submit(ids[slug]!, code);
  const body = await res.json();
  if (res.status !== 202) throw new Error(`submit ${slug}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const points = async (client: Client) => (await (await client.request("/api/me")).json()).points as number;

/** Follows a submission's event stream through the proxy, reconnecting as a browser would, until a final state. */
async function follow(client: Client, id: number, opened: (requestId: string) => void) {
  let reconnects = -1;
  const events: StreamEvent[] = [];
  while (reconnects < 20) {
    reconnects++;
    const res = await client.request(`/api/submissions/${id}/events`, { signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
    if (res?.status !== 200) {
      await Bun.sleep(200);
      continue;
    }
    opened(res.headers.get("x-request-id") ?? "");
    events.push(...(await readStream(res)));
    const last = events.at(-1)?.data;
    if (last?.status === "graded" || last?.status === "error") return { events, reconnects, final: last };
    await Bun.sleep(200);
  }
  throw new Error("the stream never reached a final state");
}

/** The status events of one opened stream, until the server (or the network) ends it. */
async function readStream(res: Response): Promise<StreamEvent[]> {
  const fake = { request: async () => res } as unknown as Client;
  return readEvents(fake, 0).catch(() => []);
}

describe.if(canRun)("the production stack in containers", () => {
  beforeAll(async () => {
    const did = await phase("engine", () => ensureEngine());
    if (did.length > 0) console.log(`containers: ${did.join("; ")}`);
    const built = await phase("base images", () => ensureBaseImages());
    if (built.length > 0) console.log(`containers: built stand-ins for ${built.join(", ")}`);
    writeFiles(dir, {
      ".env":
        [
          `SESSION_SECRET=${crypto.randomUUID()}${crypto.randomUUID()}`,
          `POSTGRES_PASSWORD=pw${crypto.randomUUID().replaceAll("-", "")}`,
          `HTTP_PORT=${port}`,
        ].join("\n") + "\n",
      // The engine here gives build containers no NAT unless it was enabled: build with the host's network.
      "override.yml": "services:\n" + ["web", "grader", "proxy"].map((s) => `  ${s}:\n    build:\n      network: host\n`).join(""),
    });
    await phase("build (cold)", () => stack.compose("build"));
    for (const image of ["web", "grader", "proxy"]) {
      const bytes = Number(sh(["docker", "image", "inspect", "-f", "{{.Size}}", `${run}-${image}`]).out.trim());
      console.log(`containers: image ${image}: ${(bytes / 1e6).toFixed(0)} MB`);
    }
    await phase("up to all healthy", () => stack.compose("up", "-d", "--wait"));
    ids = await assignmentIds(base);
  }, 600_000);

  afterAll(async () => {
    await phase("tear down", () => {
      stack.compose("down", "-v", "--rmi", "local", "--remove-orphans", "--timeout", "5");
      rmSync(dir, { recursive: true, force: true });
    });
    console.log(`containers: phases ${phases.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join(", ")}`);
  }, 300_000);

  const alice = Client.forUrl(base);
  let aliceSubmission = 0;

  test("a new student solves Sum through nginx and gets +100; the event stream comes through the proxy", async () => {
    const sum = readCourse(join(ROOT, "assignments")).assignments.find((a) => a.slug === "sum")!;
    const s = await submit(alice, "sum", sum.referenceCode);
    aliceSubmission = s.id;
    const res = await alice.request(`/api/submissions/${s.id}/events`);
    expect(res.headers.get("content-type")).toStartWith("text/event-stream");
    const events = await readStream(res);
    expect(events.at(-1)!.data).toMatchObject({ status: "graded", outcome: "passed", pointsAwarded: true });
    expect(await points(alice)).toBe(100);
  }, 60_000);

  test("every grader's process killed mid-job: restarted by the policy, the job graded exactly once", async () => {
    const bob = Client.forUrl(base);
    const s = await submit(bob, "sum", slowSum(3));
    await pollSubmission(bob, s.id, (now) => now.status === "grading", 30_000, "grading");
    const graders = stack.containers("grader");
    const restarts = graders.map((id) => Number(inspect(id, "{{.RestartCount}}")));
    const killedAt = performance.now();
    for (const id of graders) process.kill(graderPid(id), "SIGKILL"); // a crash, not `docker stop`
    const final = await finalState(bob, s.id, 60_000);
    const seconds = (performance.now() - killedAt) / 1000;
    console.log(`containers: a job whose grader was killed reached its final state ${seconds.toFixed(1)} s after the kill`);
    expect(final).toMatchObject({ status: "graded", outcome: "passed", pointsAwarded: true });
    expect(await points(bob)).toBe(100);
    expect(stack.sql(`select attempts from submissions where id = ${s.id}`)).toEqual(["2"]);
    expect(stack.sql(`select count(*) from completions where submission_id = ${s.id}`)).toEqual(["1"]);
    expect(graders.map((id) => Number(inspect(id, "{{.RestartCount}}")))).toEqual(restarts.map((r) => r + 1));
    await waitHealthy(graders);
  }, 120_000);

  test("a web replica stopped under an open event stream: the stream resumes on the other", async () => {
    const carol = Client.forUrl(base);
    const s = await submit(carol, "sum", slowSum(4));
    let requestId = "";
    const following = follow(carol, s.id, (rid) => void (requestId ||= rid));
    while (!requestId) await Bun.sleep(50);
    await Bun.sleep(300);
    // The replica that holds the stream is the one that logged its request id.
    const holder = stack.containers("web").find((id) => sh(["docker", "logs", id]).out.includes(requestId));
    expect(holder).toBeDefined();
    must(["docker", "stop", "--time", "10", holder!]);
    const followed = await following;
    expect(followed.reconnects).toBeGreaterThanOrEqual(1);
    expect(followed.final).toMatchObject({ status: "graded", outcome: "passed" });
    must(["docker", "start", holder!]);
    await waitHealthy([holder!]);
  }, 90_000);

  test("`restart proxy` loses no accepted submission", async () => {
    const accepted: { client: Client; id: number }[] = [];
    const refused: string[] = [];
    const send = async () => {
      const client = Client.forUrl(base);
      const res = await client.submit(ids.sum!, slowSum(1)).catch((e) => String(e));
      if (typeof res === "string" || res.status !== 202) refused.push(typeof res === "string" ? res : String(res.status));
      else accepted.push({ client, id: (await res.json()).id });
    };
    await Promise.all(Array.from({ length: 8 }, send));
    const restart = stack.composeAsync("restart", "proxy");
    const during = (async () => {
      for (let i = 0; i < 20; i++) {
        await send();
        await Bun.sleep(150);
      }
    })();
    expect((await restart).code).toBe(0);
    await during;
    await waitHealthy(stack.containers("proxy"));
    const finals = await Promise.all(accepted.map((a) => finalState(a.client, a.id, 90_000)));
    console.log(
      `containers: proxy restart: ${accepted.length} submissions accepted, all graded; ${refused.length} refused while it restarted`,
    );
    expect(finals.every((f) => f.status === "graded" && f.outcome === "passed")).toBe(true);
    expect(accepted.length).toBeGreaterThanOrEqual(8);
  }, 180_000);

  test("--scale grader=3: all healthy, 30 students at once graded, every grader took jobs", async () => {
    await phase("scale to 3 graders", () => stack.compose("up", "-d", "--wait", "--scale", "grader=3"));
    const graders = stack.containers("grader");
    expect(graders.length).toBe(3);
    const students = Array.from({ length: 30 }, (_, i) => ({ client: Client.forUrl(base), right: i % 3 !== 0 }));
    const started = performance.now();
    const subs = await Promise.all(
      students.map((st) => submit(st.client, "sum", sumCode("scale", st.right ? "return a + b" : "return a - b"))),
    );
    const finals = await Promise.all(subs.map((s, i) => finalState(students[i]!.client, s.id)));
    console.log(`containers: 30 students graded by 3 graders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(finals.map((f) => f.outcome)).toEqual(students.map((st) => (st.right ? "passed" : "failed")));
    const hosts = graders.map((id) => inspect(id, "{{.Config.Hostname}}"));
    const by = stack.sql(`select grader from submissions where id in (${subs.map((s) => s.id).join(",")})`);
    for (const host of hosts) expect(by.some((g) => g.startsWith(`${host}-`))).toBe(true);
  }, 240_000);

  test("our exploit files against the containerized graders: all contained, nothing left running", async () => {
    const graders = stack.containers("grader");
    const jobProcesses = () =>
      graders
        .flatMap((id) =>
          processesOf(id)
            .filter((p) => p.uid !== 0)
            .map((p) => p.name),
        )
        .sort();
    const idle = jobProcesses();
    const exploitsDir = join(ROOT, "tests", "exploits");
    const files = readdirSync(exploitsDir)
      .filter((f) => f.endsWith(".py"))
      .sort();
    const runs = await Promise.all(
      files.map(async (file) => {
        const source = readFileSync(join(exploitsDir, file), "utf8");
        const header = (key: string) => new RegExp(`^# ${key}: *(.+)$`, "m").exec(source)?.[1]?.trim();
        const client = Client.forUrl(base);
        const s = await submit(
          client,
          header("Assignment") ?? "sum",
          `${source}
# ${crypto.randomUUID()}
`,
        );
        return { file, expect: header("Expect")!, final: await finalState(client, s.id, 240_000) };
      }),
    );
    // An attack whose file expects `passed` answers correctly only when it was contained;
    // every other attack must not pass. The exact outcome may differ from the host's (no job
    // cgroups in a container): shown, not required.
    const differing = runs.filter((r) => r.expect !== "not_passed" && r.final.outcome !== r.expect);
    console.log(
      `containers: ${runs.length} exploits, outcomes other than on the host: ${differing.map((r) => `${r.file} ${r.final.outcome} (${r.expect})`).join(", ") || "none"}`,
    );
    for (const r of runs) {
      expect({ file: r.file, contained: r.expect === "passed" ? r.final.outcome === "passed" : r.final.outcome !== "passed" }).toEqual({
        file: r.file,
        contained: true,
      });
    }
    await Bun.sleep(1000); // the last job's clean-up runs after its result is sent
    expect(jobProcesses()).toEqual(idle);
    for (const id of graders) expect(inspect(id, "{{.State.Health.Status}}")).toBe("healthy");
  }, 300_000);

  test("a job that fills the grader container's memory is the one the OOM killer takes: memory_limit, no grader restart", async () => {
    const graders = stack.containers("grader");
    const restarts = graders.map((id) => inspect(id, "{{.RestartCount}}"));
    const kills = () => graders.reduce((n, id) => n + oomKills(id), 0);
    const killsBefore = kills();
    // Each child stays under the per-process limit (256 MiB); together they pass the
    // container's 1 GiB, where only the kernel's OOM killer stops them.
    const hog = `import os, time
def sum(a, b):
    pids = []
    for _ in range(8):
        pid = os.fork()
        if pid == 0:
            block = bytearray(190 * 1024 * 1024)
            for i in range(0, len(block), 4096):
                block[i] = 1
            time.sleep(8)
            os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    return a + b
# ${crypto.randomUUID()}
`;
    const dave = Client.forUrl(base);
    const s = await submit(dave, "sum", hog);
    const final = await finalState(dave, s.id, 60_000);
    expect({ outcome: final.outcome, message: final.message }).toMatchObject({ outcome: "memory_limit" });
    expect(kills()).toBeGreaterThan(killsBefore); // the kernel's OOM killer, not our rlimit
    expect(graders.map((id) => inspect(id, "{{.RestartCount}}"))).toEqual(restarts);
    const after = await submit(dave, "sum", sumCode("after-oom"));
    expect((await finalState(dave, after.id)).outcome).toBe("passed");
  }, 120_000);

  test("down then up keeps points and history (named volume); down -v starts over", async () => {
    const before = await (await alice.request("/api/me")).json();
    expect(before.points).toBe(100);
    await phase("down, up", () => {
      stack.compose("down", "--timeout", "10");
      stack.compose("up", "-d", "--wait");
    });
    expect(await (await alice.request("/api/me")).json()).toMatchObject({ userId: before.userId, points: 100, solved: before.solved });
    expect((await alice.request(`/api/submissions/${aliceSubmission}`)).status).toBe(200);
    await phase("down -v, up", () => {
      stack.compose("down", "-v", "--timeout", "10");
      stack.compose("up", "-d", "--wait");
    });
    expect(await (await alice.request("/api/me")).json()).toMatchObject({ points: 0, solved: [] });
    expect((await alice.request(`/api/submissions/${aliceSubmission}`)).status).toBe(404);
  }, 300_000);
});

describe.if(canRun)("the development stack in containers (compose.yml)", () => {
  // Last: the build cache our images left, unused once they are removed, so the disk is no
  // fuller after a run (stand-in base images stay, one tag each, like pulled images would).
  afterAll(() => {
    const before = sh(["docker", "system", "df", "--format", "{{.Type}} {{.Size}}"]).out.replaceAll("\n", ", ");
    sh(["docker", "builder", "prune", "-f"]);
    console.log(`containers: docker disk use before pruning our build cache: ${before}`);
    console.log(`containers: after: ${sh(["docker", "system", "df", "--format", "{{.Type}} {{.Size}}"]).out.replaceAll("\n", ", ")}`);
  }, 120_000); // pruning took over the default 5 s on a busy machine

  test("`docker compose up` serves the app with --watch: an edit in src/ is live without a restart", async () => {
    await phase("dev: up, edit, down", () => devStack(ROOT));
  }, 600_000);
});
