// The HTTP scenarios alone (wrk; three servers each): `bun bench/web-only.ts [seconds] [connections] [rounds] [scenarios]`,
// scenarios comma-separated from page, first, revalidate, static, post (default: all).
import { benchWeb } from "./web";

const [seconds = "10", connections = "50", rounds = "5", only] = process.argv.slice(2);
console.log(await benchWeb(Number(seconds), Number(connections), Number(rounds), only?.split(",")));
process.exit(0);
