// Staff routes: every one checks, before anything else, that the user's account e-mail
// (read from Postgres on this request) is a staff e-mail; everyone else gets 403.

import { Elysia } from "elysia";
import { assignmentStatsPage, coursePage, studentPage } from "../../views/staff";
import { courseTable as tableView } from "../../views/staff-table";
import { listAssignments } from "../assignments/service";
import { accountRow } from "../auth/accounts";
import type { Context } from "../context";
import { userPlugin } from "../identity/plugin";
import { notFound } from "../lib/errors";
import { HTML } from "../pages/etag";
import type { WarmPages } from "../pages/warm";
import type { EventHub } from "../submissions/hub";
import { idParams, parseId } from "../submissions/input";
import { requireStaff } from "./access";
import { assignmentDetail, assignmentStats } from "./assignments";
import { courseCsv } from "./csv";
import { courseStream } from "./live";
import { courseTable, SORTS, type Sort, type TableQuery } from "./students";
import { studentSubmissions } from "./submissions";

const PAGE_SIZE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NO_STORE = { "cache-control": "private, no-store" };

/** Sort, direction, filter and page from the query string; anything unknown falls back. */
function tableQuery(q: Record<string, string | undefined>): Required<TableQuery> {
  const sort = (SORTS as readonly string[]).includes(q.sort ?? "") ? (q.sort as Sort) : "name";
  const offset = /^[0-9]{1,9}$/.test(q.offset ?? "") ? Number(q.offset) : 0;
  return { sort, desc: q.dir === "desc", filter: (q.q ?? "").slice(0, 200), limit: PAGE_SIZE, offset };
}

export const staffRoutes = (ctx: Context, hub: EventHub, warm: WarmPages) => {
  const assets = () => warm.assets.page();
  const columns = async () => (await listAssignments(ctx, [])).map((a) => ({ ...a, position: a.order }));
  const table = async (query: Record<string, string | undefined>) => {
    const q = tableQuery(query);
    const { rows, total } = await courseTable(ctx, q);
    return { q, view: tableView(rows, await columns(), { ...q, total }) };
  };
  const studentId = (raw: string) => {
    if (!UUID.test(raw)) throw notFound("This student");
    return raw;
  };
  return new Elysia()
    .use(userPlugin(ctx.config, warm.verified))
    .onBeforeHandle(({ userId, newVisitor }) => requireStaff(ctx, userId, newVisitor))
    .get("/staff", async ({ query, set }) => {
      const { q, view } = await table(query);
      Object.assign(set.headers, HTML, NO_STORE);
      return coursePage(view, q.filter, q.sort, q.desc, assets());
    })
    .get("/staff/table", async ({ query, set }) => {
      Object.assign(set.headers, HTML, NO_STORE);
      return (await table(query)).view.value;
    })
    .get("/staff/events", () => courseStream(hub, ctx.config.sseHeartbeatMs))
    .get("/staff/export.csv", async ({ set }) => {
      const { rows } = await courseTable(ctx, { sort: "name", desc: false, filter: "" });
      const day = new Date().toISOString().slice(0, 10);
      Object.assign(set.headers, NO_STORE, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="course-${day}.csv"`,
      });
      return courseCsv(rows, await columns());
    })
    .get("/staff/students/:userId", async ({ params, set }) => {
      const userId = studentId(params.userId);
      const [account, subs, catalog] = await Promise.all([
        accountRow(ctx, userId),
        studentSubmissions(ctx, userId),
        ctx.cache.catalog.get(),
      ]);
      if (!account && subs.length === 0) throw notFound("This student");
      const title = (id: number) => catalog.byId.get(id)?.title ?? `${catalog.retired.get(id) ?? ""} (retired)`;
      const items = subs.map((s) => ({ submission: s, code: s.code, assignment: title(s.assignmentId) }));
      Object.assign(set.headers, HTML, NO_STORE);
      return studentPage(account?.name || `anonymous #${userId.slice(0, 8)}`, account?.email ?? null, items, assets());
    })
    .get(
      "/staff/assignments/:id",
      async ({ params, set }) => {
        const detail = await assignmentDetail(ctx, parseId(params.id, "This assignment"));
        if (!detail) throw notFound("This assignment");
        Object.assign(set.headers, HTML, NO_STORE);
        return assignmentStatsPage(detail, assets());
      },
      { params: idParams },
    )
    .get("/api/staff/students", async ({ set }) => {
      Object.assign(set.headers, NO_STORE);
      const { rows } = await courseTable(ctx, { sort: "name", desc: false, filter: "" });
      return rows.map(({ attempted: _, ...r }) => r);
    })
    .get("/api/staff/assignments", async ({ set }) => {
      Object.assign(set.headers, NO_STORE);
      return assignmentStats(ctx);
    })
    .get("/api/staff/students/:userId/submissions", async ({ params, set }) => {
      Object.assign(set.headers, NO_STORE);
      return studentSubmissions(ctx, studentId(params.userId));
    });
};
