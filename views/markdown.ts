import MarkdownIt from "markdown-it";
import { Raw } from "./html";

// Raw HTML in handouts is disabled: markdown-it escapes it, and its link validator
// drops javascript:, vbscript: and data: (except images) URLs.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export const renderMarkdown = (text: string) => new Raw(md.render(text));

/** A handout as HTML: the page shows the title already, so a first-line `# Title` is dropped. */
export function renderHandout(markdown: string, title: string): Raw {
  const [first, ...rest] = markdown.split("\n");
  return renderMarkdown(first?.trim() === `# ${title}` ? rest.join("\n") : markdown);
}
