// Staff pages at a real course's size: /staff and /staff/export.csv, sequential requests,
// with 5,000 students and 200,000 submissions loaded, with and without the staff indexes;
// and the students' side (a returning student's page, POST) before and after loading, so a
// slower student path (e.g. the new indexes' cost on insert) shows.
import postgres from "postgres";
import { signUserId } from "../src/identity/cookie";
import { freePort, startWeb } from "../tests/helpers/processes";
import { benchScratch } from "./scratch";
import { createStaffIndexes, loadCourse, STAFF_INDEXES } from "./staff-data";
import { median, percentile, table } from "./stats";
import { errorCell, type WrkResult, wrk } from "./wrk";

const SECRET = "bench-staff-secret-0123456789";
const STAFF = "bench-staff@example.edu";

const row = (name: string, r: WrkResult, before?: WrkResult) => [
  name,
  r.perSecond,
  r.p50Ms,
  r.p99Ms,
  errorCell(r),
  before ? `${(r.perSecond / before.perSecond).toFixed(2)}×` : "",
];

export async function benchStaff(students: number, submissions: number, seconds: number, connections: number, requests: number) {
  const { scratch, env } = await benchScratch();
  const port = freePort();
  const web = await startWeb(port, { ...env, SESSION_SECRET: SECRET, STAFF_EMAILS: STAFF });
  const url = `http://127.0.0.1:${port}`;
  const admin = postgres(scratch.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const staffId = crypto.randomUUID();
    await admin`insert into accounts (user_id, issuer, subject, name, email) values (${staffId}, 'https://bench.example', 'staff', 'Staff', ${STAFF})`;
    const staffCookie = `uid=${signUserId(SECRET, staffId)}`;
    const list = (await (await fetch(`${url}/api/assignments`)).json()) as { id: number }[];
    const page = `${url}/assignments/${list[0]!.id}`;
    const studentCookie = (await fetch(page)).headers.get("set-cookie")!.split(";")[0]!;

    const submit = `/api/assignments/${list[2]!.id}/submissions`;
    const studentSide = async () => {
      const pages = await wrk({ url: page, seconds, connections, headers: { cookie: studentCookie } });
      const posts = await wrk({ url: url + submit, seconds, connections, script: "post.lua", args: ["def sum(a, b):\\n    return a + b"] });
      return { pages, posts };
    };
    const sequential = async (path: string) => {
      const ms: number[] = [];
      for (let i = 0; i < requests + 3; i++) {
        const t0 = performance.now();
        const res = await fetch(`${url}${path}`, { headers: { cookie: staffCookie } }).catch((e) => {
          throw new Error(`${path}: ${e}\n${web.lines.slice(-20).join("\n")}`);
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}\n${web.lines.slice(-20).join("\n")}`);
        if (i >= 3) ms.push(performance.now() - t0); // the first few warm the plans and caches
      }
      return [median(ms), percentile(ms, 95), Math.max(...ms)];
    };

    const before = await studentSide();
    // The POSTs' new visitors are not the course: 5,000 students means 5,000.
    await admin`delete from submissions`;
    const t0 = performance.now();
    await loadCourse(scratch.databaseUrl, students, submissions);
    const loadSeconds = (performance.now() - t0) / 1000;
    const staffPage = await sequential("/staff");
    const csv = await sequential("/staff/export.csv");
    const stats = await sequential("/api/staff/assignments");
    for (const index of STAFF_INDEXES) await admin.unsafe(`drop index ${index}`);
    await admin`analyze submissions`;
    const staffPageBare = await sequential("/staff");
    const csvBare = await sequential("/staff/export.csv");
    const statsBare = await sequential("/api/staff/assignments");
    for (const statement of await createStaffIndexes()) await admin.unsafe(statement);
    await admin`vacuum analyze submissions`;
    const after = await studentSide();
    return [
      `loaded ${students} students, ${submissions} submissions in ${loadSeconds.toFixed(1)} s; ${requests} sequential requests each`,
      table([
        ["staff request", "median ms", "p95 ms", "max ms"],
        ["/staff (first 100 rows)", ...staffPage],
        ["/staff/export.csv", ...csv],
        ["/api/staff/assignments", ...stats],
        ["/staff, staff indexes dropped", ...staffPageBare],
        ["/staff/export.csv, staff indexes dropped", ...csvBare],
        ["/api/staff/assignments, staff indexes dropped", ...statsBare],
      ]),
      table([
        ["students' side (wrk)", "req/s", "p50 ms", "p99 ms", "errors", "× empty"],
        row("student page, empty course", before.pages),
        row("student page, course loaded, staff indexes (× empty)", after.pages, before.pages),
        row("POST submission, empty course", before.posts),
        row("POST submission, course loaded, staff indexes (× empty)", after.posts, before.posts),
      ]),
    ].join("\n");
  } finally {
    await admin.end();
    await web.stop();
    await scratch.drop();
  }
}
