// Shell scripts: a key becomes "${NAME}", respecting the quotes around it
// (single quotes do not expand, so they are closed around the lookup).
import { baseName, type Language, locate, type Site, type SiteResult } from "./site.js";

const STYLE = { quotes: "\"'", escapes: '"', comments: ["#"], commentNeedsSpace: true };

export const shell: Language = {
  name: "shell",
  owns: (path, text) =>
    /\.(?:sh|bash|zsh|ksh)$/i.test(path) ||
    /^#!.*\b(?:sh|bash|zsh|ksh|dash)\b/.test(text) ||
    /^\.?(?:bashrc|zshrc|profile)$/.test(baseName(path)),
  rewrite(site: Site): SiteResult {
    const ctx = locate(site.text, site.start, site.end, STYLE);
    const lookup = `\${${site.envVar}}`;
    const edit = (replacement: string, start = site.start, end = site.end): SiteResult => ({
      kind: "edit",
      edits: [{ start, end, replacement }],
      envVar: site.envVar,
      shows: lookup,
    });
    switch (ctx.kind) {
      case "string":
        if (ctx.quote === '"') return edit(lookup);
        // '…key…' -> '…'"${NAME}"'…'; a literal that is only the key becomes "${NAME}".
        if (ctx.open + 1 === site.start && site.end === ctx.close) return edit(`"${lookup}"`, ctx.open, ctx.close + 1);
        if (site.end === ctx.close) return edit(`'"${lookup}"`, site.start, ctx.close + 1); // no empty '' left behind
        if (ctx.open + 1 === site.start) return edit(`"${lookup}"'`, ctx.open, site.end);
        return edit(`'"${lookup}"'`);
      case "bare":
        return edit(`"${lookup}"`);
      case "comment":
        return { kind: "manual", reason: "the key is in a comment: delete it from the comment" };
      default:
        return { kind: "manual", reason: "the key is in a multi-line string" };
    }
  },
};
