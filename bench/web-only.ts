// The web benchmarks alone (floor, returning and first-visit pages, POST): `bun bench/web-only.ts [seconds] [connections]`.
import { benchWeb } from "./web";

const [seconds = "10", connections = "50"] = process.argv.slice(2);
console.log(await benchWeb(Number(seconds), Number(connections)));
process.exit(0);
