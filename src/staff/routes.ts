// Staff routes: every one first reads, from Postgres on this request, whether the user is
// staff and which students they see (src/staff/scope.ts); everyone else gets 403. Staff only
// by LTI see the students of their own LMS courses on every page, API and CSV.

import { Elysia } from "elysia";
import { assignmentStatsPage, coursePage, studentPage } from "../../views/staff";
import { courseTable as tableView } from "../../views/staff-table";
import { listAssignments } from "../assignments/service";
import { accountRow } from "../auth/accounts";
import type { Context } from "../context";
import { userPlugin } from "../identity/plugin";
import { notFound } from "../lib/errors";
import { resendScore, studentScores } from "../lti/scores/records";
import { HTML } from "../pages/etag";
import type { WarmPages } from "../pages/warm";
import type { EventHub } from "../submissions/hub";
import { idParams, parseId } from "../submissions/input";
import { assignmentDetail, assignmentStats } from "./assignments";
import { courseCsv } from "./csv";
import { courseStream } from "./live";
import { courseParam, requireVisible, type StaffScope, scopeParam, staffScope } from "./scope";
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
  const table = async (query: Record<string, string | undefined>, scope: StaffScope) => {
    const q = tableQuery(query);
    const { rows, total } = await courseTable(ctx, q, scope);
    return { q, view: tableView(rows, await columns(), { ...q, total, course: scope.selected }) };
  };
  const studentId = (raw: string) => {
    if (!UUID.test(raw)) throw notFound("This student");
    return raw;
  };
  return (
    new Elysia()
      .use(userPlugin(ctx.config, warm.verified))
      .resolve(async ({ userId, newVisitor, query }) => ({
        scope: await staffScope(ctx, userId, newVisitor, courseParam((query as Record<string, string | undefined>).course)),
      }))
      .get("/staff", async ({ query, set, scope }) => {
        const { q, view } = await table(query, scope);
        Object.assign(set.headers, HTML, NO_STORE);
        return coursePage(view, { ...q, course: scope.selected }, scope, assets());
      })
      .get("/staff/table", async ({ query, set, scope }) => {
        Object.assign(set.headers, HTML, NO_STORE);
        return (await table(query, scope)).view.value;
      })
      .get("/staff/events", () => courseStream(hub, ctx.config.sseHeartbeatMs))
      .get("/staff/export.csv", async ({ set, scope }) => {
        const { rows } = await courseTable(ctx, { sort: "name", desc: false, filter: "" }, scope);
        const day = new Date().toISOString().slice(0, 10);
        Object.assign(set.headers, NO_STORE, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="course-${day}.csv"`,
        });
        return courseCsv(rows, await columns());
      })
      .get("/staff/students/:userId", async ({ params, set, scope }) => {
        const userId = studentId(params.userId);
        await requireVisible(ctx, scope, userId);
        const [account, subs, catalog, scores] = await Promise.all([
          accountRow(ctx, userId),
          studentSubmissions(ctx, userId),
          ctx.cache.catalog.get(),
          studentScores(ctx, userId, scopeParam(scope)),
        ]);
        if (!account && subs.length === 0) throw notFound("This student");
        const title = (id: number) => catalog.byId.get(id)?.title ?? `${catalog.retired.get(id) ?? ""} (retired)`;
        const items = subs.map((s) => ({ submission: s, code: s.code, assignment: title(s.assignmentId) }));
        const lms = scores.map((s) => ({ ...s, assignment: title(s.assignmentId) }));
        Object.assign(set.headers, HTML, NO_STORE);
        const who = { id: userId, name: account?.name || `anonymous #${userId.slice(0, 8)}`, email: account?.email ?? null };
        return studentPage(who, items, lms, assets());
      })
      // Sends a student's LMS score again (AGS): a form's POST, back to the student's page.
      .post("/staff/students/:userId/scores/:scoreId/resend", async ({ params, scope }) => {
        const userId = studentId(params.userId);
        await requireVisible(ctx, scope, userId);
        const id = /^[0-9]{1,9}$/.test(params.scoreId) ? Number(params.scoreId) : 0;
        if (!(await resendScore(ctx, userId, id, scopeParam(scope)))) throw notFound("This LMS score");
        return new Response(null, { status: 303, headers: { location: `/staff/students/${userId}`, ...NO_STORE } });
      })
      .get(
        "/staff/assignments/:id",
        async ({ params, set, scope }) => {
          const detail = await assignmentDetail(ctx, scope, parseId(params.id, "This assignment"));
          if (!detail) throw notFound("This assignment");
          Object.assign(set.headers, HTML, NO_STORE);
          return assignmentStatsPage(detail, assets());
        },
        { params: idParams },
      )
      .get("/api/staff/students", async ({ set, scope }) => {
        Object.assign(set.headers, NO_STORE);
        const { rows } = await courseTable(ctx, { sort: "name", desc: false, filter: "" }, scope);
        return rows.map(({ attempted: _, ...r }) => r);
      })
      .get("/api/staff/assignments", async ({ set, scope }) => {
        Object.assign(set.headers, NO_STORE);
        return assignmentStats(ctx, scope);
      })
      .get("/api/staff/students/:userId/scores", async ({ params, set, scope }) => {
        Object.assign(set.headers, NO_STORE);
        const userId = studentId(params.userId);
        await requireVisible(ctx, scope, userId);
        return studentScores(ctx, userId, scopeParam(scope));
      })
      .get("/api/staff/students/:userId/submissions", async ({ params, set, scope }) => {
        Object.assign(set.headers, NO_STORE);
        const userId = studentId(params.userId);
        await requireVisible(ctx, scope, userId);
        return studentSubmissions(ctx, userId);
      })
  );
};
