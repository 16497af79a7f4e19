// Docs and plain text (Markdown, reStructuredText, AsciiDoc, .txt, .env.example): a real key
// in an example becomes the rule's placeholder; the key itself moves to .env.
import { isEnvTemplate } from "./dotenv.js";
import type { Language, Site, SiteResult } from "./site.js";

export const docs: Language = {
  name: "docs",
  owns: (path) => /\.(?:md|mdx|markdown|rst|adoc|txt)$/i.test(path) || isEnvTemplate(path),
  rewrite: (site: Site): SiteResult => ({
    kind: "edit",
    edits: [{ start: site.start, end: site.end, replacement: site.placeholder }],
    envVar: site.envVar,
    shows: site.placeholder,
  }),
};
