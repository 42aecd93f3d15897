// The course as the pages show it: modules with their assignments and progress, an
// assignment's place in its module, its hints. Markdown is rendered once per catalog load.
import { renderMarkdown } from "../../views/markdown";
import type { AssignmentView, HintsView, ModuleView } from "../../views/types";
import { placeOf } from "../assignments/service";
import { type Catalog, derived } from "../cache/catalog";
import type { AssignmentRow } from "../db/schema";

/** The list page's modules in course order, each with its assignments and what the user solved. */
export function moduleViews(catalog: Catalog, solved: number[]): ModuleView[] {
  const done = new Set(solved);
  const groups: ModuleView[] = [];
  for (const a of catalog.rows) {
    const { module } = placeOf(catalog, a);
    const slug = module?.slug ?? null;
    let group = groups.at(-1);
    if (!group || group.slug !== slug) {
      const intro = module ? derived(catalog, `intro:${module.id}`, () => renderMarkdown(module.intro)) : renderMarkdown("");
      group = { slug, title: module?.title ?? "More assignments", intro, items: [] };
      groups.push(group);
    }
    group.items.push({ id: a.id, title: a.title, solved: done.has(a.id) });
  }
  return groups;
}

/** What the page shows of an assignment: never the row itself, which holds the test code. */
export function assignmentView(catalog: Catalog, a: AssignmentRow): AssignmentView {
  const { module, index, count } = placeOf(catalog, a);
  const place = module ? { module: module.title, index, count } : undefined;
  return { id: a.id, title: a.title, position: a.position, starterCode: a.starterCode, place };
}

/** The hints rendered from Markdown (null where none was written); `offered` is per user. */
export function hintsView(catalog: Catalog, a: AssignmentRow, offered: boolean): HintsView {
  const md = (text: string) => (text ? renderMarkdown(text) : null);
  const { hint, hint2 } = derived(catalog, `hints:${a.id}`, () => ({ hint: md(a.hint), hint2: md(a.hint2) }));
  return { hint, hint2, offered };
}
