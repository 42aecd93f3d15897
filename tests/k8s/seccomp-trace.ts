// Which system calls the grader pod makes, for keeping deploy/k8s/profiles/pypractice-grader.json
// up to date (not a test: strace slows everything; about 60 s). Runs the grader as pod.ts starts
// it, under `strace -f`, through its self-check and every file of tests/exploits, then prints the
// calls it saw that the profile does not allow. Needs strace (apt-get install strace).
//   bun tests/k8s/seccomp-trace.ts
// The grader's Redis and Postgres side (grader/main.ts, deploy/healthcheck.ts) is not in the
// pod's namespaces here: trace it with `strace -f -o FILE bun grader/main.ts` against local
// services, as was done for the profile's socket rules.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readAssignments } from "../../src/assignments/files";
import { configOrExit } from "../../src/config";
import { asInThePod } from "./pod";
import { K8S, ROOT } from "./tools";

const out = `/tmp/pypractice-seccomp-trace-${process.pid}`;
const assignments = readAssignments(configOrExit().assignmentsDir);
const testsOf = (slug: string) => assignments.find((a) => a.slug === slug)!.testCode;
const dir = join(ROOT, "tests/exploits");
const jobs = readdirSync(dir)
  .filter((f) => f.endsWith(".py"))
  .map((name) => {
    const source = readFileSync(join(dir, name), "utf8");
    return { name, source, tests: testsOf(/^# Assignment: *(.+)$/m.exec(source)?.[1]?.trim() ?? "sum") };
  });
writeFileSync(`${out}.jobs.json`, JSON.stringify(jobs));
const report = await asInThePod("unmasked", { POD_JOBS: `${out}.jobs.json`, POD_WRAP: `strace -f -qq -o ${out}.txt` });
console.log(JSON.stringify(report, null, 1));

const seen = new Set(
  readFileSync(`${out}.txt`, "utf8")
    .matchAll(/^\d+ +(\w+)\(/gm)
    .map((m) => m[1]!),
);
const profile = (await Bun.file(join(K8S, "profiles/pypractice-grader.json")).json()) as { syscalls: { names: string[] }[] };
const allowed = new Set(profile.syscalls.flatMap((r) => r.names));
console.log(`${seen.size} calls seen (${out}.txt); not in the profile:`, [...seen].filter((n) => !allowed.has(n)).sort());
