// The HTTP scenarios alone (wrk; three servers each): `bun bench/web-only.ts [seconds] [connections] [rounds] [scenarios]`,
// scenarios comma-separated from page, first, revalidate, static, post (default: all).
// BENCH_BEFORE=<dir>: another checkout of the app (say `git archive` of the commit before a
// change, node_modules and public/build copied or linked) measured beside ours as "before".
import { benchWeb } from "./web";

const [seconds = "10", connections = "50", rounds = "5", only] = process.argv.slice(2);
console.log(await benchWeb(Number(seconds), Number(connections), Number(rounds), only?.split(",")));
process.exit(0);
