// One streams benchmark alone: `bun bench/streams-only.ts [count] [probes]`.
import { benchStreams } from "./streams";

const [count = "10000", probes = "50"] = process.argv.slice(2);
console.log(JSON.stringify(await benchStreams(Number(count), Number(probes))));
process.exit(0);
