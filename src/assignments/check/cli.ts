// `bun run assignments:check [--jobs N] [slug…]`: proves assignments through the real
// sandboxed grader, in this process (no Postgres, no Redis): the reference passes, the starter
// and every wrong/*.py fail as they declare, the handout's examples hold for the reference,
// there is a hint, and the tests are fast. Exit 0 when all hold, 1 on any failure, 2 on bad
// arguments (an unknown slug).
import { availableParallelism } from "node:os";
import { type LocalRunner, localRunner } from "../../../grader/local-runner";
import { RLIMIT_WARNING, sandboxModeHere } from "../../../grader/sandbox";
import { selfCheck } from "../../../grader/self-check";
import { configOrExit, type SandboxMode } from "../../config";
import { type AssignmentFiles, readCourse } from "../files";
import { parseArgs, USAGE, unknownSlugs } from "./args";
import { mapLimit, RunnerPool } from "./pool";
import { checkTime, prove } from "./prove";
import { failures, styleFor, summary, table } from "./report";

const started = performance.now();
const config = configOrExit();
function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const args = parseArgs(process.argv.slice(2));
if (typeof args === "string") fail(`${args}\n${USAGE}`, 2);
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const { slugs, jobs } = args;

let course: AssignmentFiles[] = [];
try {
  course = readCourse(config.assignmentsDir).assignments;
} catch (e) {
  fail(`Cannot read the course in ${config.assignmentsDir}: ${(e as Error).message}`);
}
const unknown = unknownSlugs(
  slugs,
  course.map((a) => a.slug),
);
if (unknown) fail(unknown, 2);
const assignments = slugs.length ? course.filter((a) => slugs.includes(a.slug)) : course;
if (assignments.length === 0) fail(`There are no assignments in ${config.assignmentsDir}.`);

let mode: SandboxMode = "bwrap";
try {
  mode = await sandboxModeHere(config);
} catch (e) {
  fail((e as Error).message);
}
if (mode === "rlimit") console.error(RLIMIT_WARNING);

// One runner per core (fewer for a few assignments): more would share cores and slow every
// job, which the timing check would take for slow tests.
const size = Math.max(1, Math.min(jobs ?? availableParallelism(), assignments.length * 2));
const locals: LocalRunner[] = [];
process.on("exit", () => {
  for (const l of locals) l.close();
});
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));
try {
  for (let i = 0; i < size; i++) locals.push(localRunner(config, i + 1, mode));
} catch (e) {
  fail(`Cannot start a grader sandbox: ${(e as Error).message}`);
}
// Starts each runner's sandbox (off the clock) and proves it grades a known-correct sample.
const problems = await Promise.all(locals.map((l) => selfCheck(l.runner)));
const problem = problems.find(Boolean);
if (problem) fail(`The sandbox cannot grade here: ${problem}`);

const pool = new RunnerPool(locals.map((l) => l.runner));
const wallSeconds = config.grading.wallSeconds;
// Well inside both limits: a quarter of the smaller (a wall-clock reading against a CPU limit
// errs on the safe side, as wall time is never less than CPU time here).
const limit =
  config.grading.cpuSeconds < wallSeconds ? { seconds: config.grading.cpuSeconds, kind: "CPU" } : { seconds: wallSeconds, kind: "wall" };
const limitMs = limit.seconds * 250;
console.log(`Checking ${assignments.length} assignment(s) in ${config.assignmentsDir} with ${size} runner(s) (${mode})…\n`);
const proofs = await mapLimit(assignments, size * 2, (a) =>
  prove(a, { pool, python: config.python, examplesTimeoutMs: wallSeconds * 1000 }),
);
// A slow reading may be the machine's load, not the tests: measure it again, alone.
for (const [i, p] of proofs.entries()) {
  if (p.ms > limitMs && p.reference === "passed") {
    const again = await pool.grade({ source: assignments[i]!.referenceCode, tests: assignments[i]!.testCode }).catch(() => undefined);
    if (again) p.ms = Math.min(p.ms, again.ms);
  }
  checkTime(p, limitMs, `${limit.seconds} s ${limit.kind}`);
}

const style = styleFor(process.stdout);
console.log(table(proofs, style));
const sentences = failures(proofs, style);
if (sentences) console.log(`\n${sentences}`);
console.log(`\n${summary(proofs, (performance.now() - started) / 1000, size)}`);
process.exit(proofs.some((p) => p.failures.length) ? 1 : 0);
