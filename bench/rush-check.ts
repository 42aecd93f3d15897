// After the rush: what the students saw against what Postgres holds. Every accepted
// submission must have exactly one result, seen once on its student's stream, the same as
// its row, with the outcome its kind must get; nothing in Postgres the students were not
// told about; no assignment's points awarded twice to one student.
import postgres from "postgres";
import { EXPECTED } from "./rush-mix";
import type { Sent } from "./rush-student";

export interface RushCheck {
  /** accepted, but no result on the stream or none in Postgres */
  lost: number;
  /** a result received more than once, or points awarded twice for one assignment */
  duplicated: number;
  /** rows in Postgres no student got a 202 for */
  unacknowledged: number;
  /** an outcome other than the kind's, or a stream that disagrees with the row */
  wrongVerdict: number;
  /** rows whose grading started more than once (delivered again: harmless, but worth knowing) */
  regraded: number;
  examples: string[];
}

export async function checkResults(databaseUrl: string, sent: Sent[]): Promise<RushCheck> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ id: number; status: string; outcome: string | null; attempts: number }[]>`
      select id, status, outcome, attempts from submissions`;
    const awardedTwice = await sql<{ n: number }[]>`
      select count(*)::int as n from (select 1 from submissions where points_awarded
        group by user_id, assignment_id having count(*) > 1) twice`;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const accepted = new Set(sent.map((x) => x.id));
    const c: RushCheck = { lost: 0, duplicated: awardedTwice[0]!.n, unacknowledged: 0, wrongVerdict: 0, regraded: 0, examples: [] };
    const note = (what: string) => {
      if (c.examples.length < 8) c.examples.push(what);
    };
    for (const x of sent) {
      const row = byId.get(x.id);
      if (!row || (row.status !== "graded" && row.status !== "error") || x.finals === 0) {
        c.lost++;
        note(`#${x.id} ${x.kind}: row ${row?.status ?? "missing"}, ${x.finals} results on the stream`);
        continue;
      }
      if (x.finals > 1) {
        c.duplicated++;
        note(`#${x.id}: ${x.finals} results on the stream`);
      }
      if (row.status !== x.status || row.outcome !== (x.outcome ?? null) || row.outcome !== EXPECTED[x.kind]) {
        c.wrongVerdict++;
        note(`#${x.id} ${x.kind}: row ${row.status}/${row.outcome}, stream ${x.status}/${x.outcome}, expected ${EXPECTED[x.kind]}`);
      }
    }
    for (const r of rows) {
      if (!accepted.has(r.id)) {
        c.unacknowledged++;
        note(`#${r.id}: in Postgres (${r.status}), never acknowledged`);
      }
      if (r.attempts > 1) c.regraded++;
    }
    return c;
  } finally {
    await sql.end();
  }
}
