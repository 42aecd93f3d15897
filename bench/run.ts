// `bun run bench`: every benchmark, medians and ratios against floors measured in the same run.
// Sizes can be lowered for a quick look: BENCH_JOBS, BENCH_FEEDBACK, BENCH_SECONDS,
// BENCH_CONNECTIONS, BENCH_ROUNDS, BENCH_PG_SECONDS, BENCH_PG_CONNECTIONS, BENCH_STACK_SECONDS, BENCH_STUDENTS, BENCH_STREAMS,
// BENCH_COURSE_STUDENTS, BENCH_COURSE_SUBMISSIONS; the deadline rush by RUSH_* (bench/rush.ts).
import { benchFeedback } from "./feedback";
import { benchGrading, summarizeGrading } from "./grading";
import { benchPostgres } from "./postgres";
import { benchRush, rushOptions, rushReport } from "./rush";
import { benchStack } from "./stack";
import { benchStaff } from "./staff";
import { median, percentile, table } from "./stats";
import { benchStreams } from "./streams";
import { benchWeb } from "./web";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const jobs = env("BENCH_JOBS", 80);
console.log(`grading: ${jobs} jobs each way, sequential, one grader slot`);
const grading = await benchGrading(jobs);
console.log(table([["what", "median ms", "jobs/s", "× floor", "CPU ms/job"], ...summarizeGrading(grading)]));

const n = env("BENCH_FEEDBACK", 40);
console.log(`\ntime to feedback: ${n} submissions, POST → graded event, real web + grader, unloaded`);
const feedback = await benchFeedback(n);
console.log(
  table([
    ["what", "median ms", "p95 ms", "max ms"],
    ["POST → graded event", median(feedback), percentile(feedback, 95), Math.max(...feedback)],
  ]),
);

const seconds = env("BENCH_SECONDS", 10);
const connections = env("BENCH_CONNECTIONS", 50);
const rounds = env("BENCH_ROUNDS", 5);
console.log(`\nHTTP (wrk): ${connections} connections, ${seconds} s per server and scenario in ${rounds} alternating rounds`);
console.log(await benchWeb(seconds, connections, rounds));

const courseStudents = env("BENCH_COURSE_STUDENTS", 5000);
const courseSubmissions = env("BENCH_COURSE_SUBMISSIONS", 200_000);
console.log(`\nstaff: /staff and the CSV at ${courseStudents} students, ${courseSubmissions} submissions; students' side before and after`);
console.log(await benchStaff(courseStudents, courseSubmissions, Math.max(1, seconds / 2), connections, 30));

const pgSeconds = env("BENCH_PG_SECONDS", 60);
const pgConnections = env("BENCH_PG_CONNECTIONS", 100);
console.log(
  `\npostgres under load: ${pgConnections} connections for ${pgSeconds} s each way (4 status reads : 1 POST), 10 connections, per 10 s`,
);
console.log(await benchPostgres(pgSeconds, pgConnections));

const stackSeconds = env("BENCH_STACK_SECONDS", 60);
const students = env("BENCH_STUDENTS", 40);
console.log(`\nwhole stack: nginx + web + 2 graders, ${students} students in a submit-and-wait loop for ${stackSeconds} s`);
const s = await benchStack(stackSeconds, students);
if (s.proxy === "none") console.log("(nginx is not installed: the students talk to the web process directly)");
console.log(
  table([
    ["graded/s", "accepted", "graded", "lost", "feedback median ms", "p95 ms", "p99 ms"],
    [s.perSecond, String(s.accepted), String(s.graded), String(s.lost), s.medianMs, s.p95Ms, s.p99Ms],
  ]),
);

const rush = rushOptions();
console.log(
  `\ndeadline rush (RUSH_* to resize): ${rush.students} students, ≈ ${rush.rate}/s for ${rush.seconds} s, ${rush.graders} graders`,
);
console.log(rushReport(await benchRush(rush)));

const streams = env("BENCH_STREAMS", 10_000);
console.log(`\nevent streams: ${streams} open on one web process, 50 targeted events`);
const st = await benchStreams(streams, 50);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(
  table([
    ["server", "streams", "RSS per stream at 30 s (at 1 s)", "event median ms", "event p99 ms"],
    ["web process", String(st.streams), `${kib(st.bytesPerStream)} (${kib(st.bytesPerStreamEarly)})`, st.medianMs, st.p99Ms],
    [
      "bare Bun.serve (floor)",
      String(st.streams),
      `${kib(st.floor.bytesPerStream)} (${kib(st.floor.bytesPerStreamEarly)})`,
      st.floor.medianMs,
      st.floor.p99Ms,
    ],
  ]),
);
process.exit(0);
