// JavaScript and TypeScript: a key literal becomes process.env.NAME; a
// `process.env.X || "key"` fallback loses its fallback.
import { type Language, locate, notInString, type Site, type SiteResult, spliceLiteral } from "./site.js";

const STYLE = { quotes: "\"'`", escapes: "\"'`", comments: ["//", "/*"] };
const EXTENSIONS = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i;
const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/i;
// `process.env.NAME ||` or `process.env["NAME"] ??` right before the literal.
const FALLBACK = /process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'`])([^"'`]+)\2\s*\])\s*(?:\|\||\?\?)\s*$/;

export const js: Language = {
  name: "JavaScript/TypeScript",
  owns: (path) => EXTENSIONS.test(path),
  rewrite(site: Site): SiteResult {
    // TypeScript: the literal was a `string`; a non-null assertion keeps the type, so strict code still compiles.
    const bang = TYPESCRIPT.test(site.path) ? "!" : "";
    const ctx = locate(site.text, site.start, site.end, STYLE);
    if (ctx.kind !== "string") return notInString(ctx);
    const whole = ctx.open + 1 === site.start && site.end === ctx.close;
    if (whole) {
      const lead = site.text.slice(site.text.lastIndexOf("\n", ctx.open - 1) + 1, ctx.open);
      const fallback = FALLBACK.exec(lead);
      if (fallback) {
        const name = fallback[1] ?? fallback[3]!;
        const operatorAt = ctx.open - lead.length + fallback.index + fallback[0].search(/\s*(?:\|\||\?\?)\s*$/);
        return {
          kind: "edit",
          edits: [{ start: operatorAt, end: ctx.close + 1, replacement: bang }],
          envVar: name,
          shows: `process.env.${name}${bang}`,
        };
      }
    }
    const expr = `process.env.${site.envVar}${bang}`;
    if (ctx.quote === "`")
      return {
        kind: "edit",
        edits: [{ start: site.start, end: site.end, replacement: `\${${expr}}` }],
        envVar: site.envVar,
        shows: expr,
      };
    return { kind: "edit", edits: [spliceLiteral(site, ctx, expr, " + ")], envVar: site.envVar, shows: expr };
  },
};
