import { Elysia } from "elysia";
import { accountOf } from "../auth/accounts";
import type { Context } from "../context";
import { identityPlugin } from "../identity/plugin";
import { isStaffEmail } from "../staff/access";
import { idParams, parseId } from "../submissions/input";
import { getAssignment, listAssignments, progressOf } from "./service";

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
        const { solved } = await progressOf(ctx, userId, newVisitor);
        return {
          id: a.id,
          slug: a.slug,
          title: a.title,
          order: a.position,
          handout: a.handout,
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
        staff: isStaffEmail(ctx.config, account?.email),
      };
    });
