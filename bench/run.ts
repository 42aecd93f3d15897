// `bun run bench`: every benchmark, medians and ratios against floors measured in the same run.
import { benchFeedback } from "./feedback";
import { benchGrading, summarizeGrading } from "./grading";
import { median, percentile, table } from "./stats";
import { benchWeb } from "./web";

const jobs = Number(process.env.BENCH_JOBS ?? 80);
console.log(`grading: ${jobs} jobs each way, sequential, one grader slot`);
const grading = await benchGrading(jobs);
console.log(table([["what", "median ms", "jobs/s", "× floor"], ...summarizeGrading(grading)]));

const n = Number(process.env.BENCH_FEEDBACK ?? 40);
console.log(`\ntime to feedback: ${n} submissions, POST → graded event, real web + grader, unloaded`);
const feedback = await benchFeedback(n);
console.log(table([["what", "median ms", "p95 ms", "max ms"],
  ["POST → graded event", median(feedback), percentile(feedback, 95), Math.max(...feedback)]]));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
console.log(`\nweb: ${connections} connections, ${seconds} s each, load driver in this process`);
console.log(await benchWeb(seconds, connections));
process.exit(0);
