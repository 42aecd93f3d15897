import { Elysia } from "elysia";
import { accountOf } from "../auth/accounts";
import type { Context } from "../context";
import { identityPlugin } from "../identity/plugin";
import { isStaffAccount } from "../staff/access";
import { idParams, parseId } from "../submissions/input";
import { secondHintOffered } from "./hints";
import { getAssignment, listAssignments, moduleOf, progressOf } from "./service";

export const assignmentApi = (ctx: Context) =>
  new Elysia({ prefix: "/api" })
    .use(identityPlugin(ctx.config))
    .get("/assignments", async ({ userId, newVisitor }) => {
      const { solved } = await progressOf(ctx, userId, newVisitor);
      return listAssignments(ctx, solved);
    })
    .get(
      "/assignments/:id",
      async ({ userId, newVisitor, params }) => {
        const a = await getAssignment(ctx, parseId(params.id, "This assignment"));
        const [{ solved }, offered, catalog] = await Promise.all([
          progressOf(ctx, userId, newVisitor),
          secondHintOffered(ctx, userId, a, { newVisitor }),
          ctx.cache.catalog.get(),
        ]);
        return {
          id: a.id,
          slug: a.slug,
          title: a.title,
          order: a.position,
          module: moduleOf(catalog, a)?.title ?? null,
          handout: a.handout,
          hint: a.hint || null,
          // only once offered (after a few failed attempts), else null
          secondHint: offered ? a.hint2 : null,
          starterCode: a.starterCode,
          solved: solved.includes(a.id),
        };
      },
      { params: idParams },
    )
    .get("/me", async ({ userId, newVisitor }) => {
      const [progress, account] = await Promise.all([progressOf(ctx, userId, newVisitor), accountOf(ctx, userId, newVisitor)]);
      return {
        ...progress,
        account: account && { name: account.name, email: account.email },
        staff: isStaffAccount(ctx.config, account),
      };
    });
