// Python: a key literal becomes os.environ["NAME"] (and `import os` is added
// when missing); an os.getenv("X", "key") default is dropped.
import { type Edit, type Language, locate, notInString, type Site, type SiteResult, spliceLiteral } from "./site.js";

const STYLE = { quotes: "\"'", escapes: "\"'", comments: ["#"] };
// os.getenv("NAME", | os.environ.get('NAME', right before the literal.
const DEFAULT_ARG = /os\.(?:getenv|environ\.get)\(\s*(["'])(\w+)\1\s*,\s*$/;

export const python: Language = {
  name: "Python",
  owns: (path, text) => /\.pyw?$/i.test(path) || /^#!.*\bpython/.test(text),
  rewrite(site: Site): SiteResult {
    const ctx = locate(site.text, site.start, site.end, STYLE);
    if (ctx.kind !== "string") return notInString(ctx);
    const q = ctx.quote;
    if (site.text[ctx.open - 1] === q || site.text[ctx.close + 1] === q)
      return { kind: "manual", reason: "the key is in a triple-quoted string" };
    const prefix = /[A-Za-z]*$/.exec(site.text.slice(Math.max(0, ctx.open - 3), ctx.open))![0].toLowerCase();
    if (prefix.includes("b")) return { kind: "manual", reason: "the key is in a bytes literal" };
    // Inside the f-string the lookup needs the other quote (before Python 3.12).
    if (prefix.includes("f")) {
      const other = q === '"' ? "'" : '"';
      const expr = `os.environ[${other}${site.envVar}${other}]`;
      return {
        kind: "edit",
        edits: [{ start: site.start, end: site.end, replacement: `{${expr}}` }],
        envVar: site.envVar,
        shows: expr,
      };
    }
    if (prefix) return { kind: "manual", reason: `the key is in a ${prefix}-prefixed string literal` };
    if (ctx.open + 1 === site.start && site.end === ctx.close) {
      const lead = site.text.slice(site.text.lastIndexOf("\n", ctx.open - 1) + 1, ctx.open);
      const def = DEFAULT_ARG.exec(lead);
      if (def) {
        const commaAt = ctx.open - lead.length + lead.lastIndexOf(",");
        return {
          kind: "edit",
          edits: [{ start: commaAt, end: ctx.close + 1, replacement: "" }],
          envVar: def[2]!,
          shows: `${def[0].slice(0, def[0].indexOf(","))})`,
        };
      }
    }
    const expr = `os.environ["${site.envVar}"]`;
    return { kind: "edit", edits: [spliceLiteral(site, ctx, expr, " + ")], envVar: site.envVar, shows: expr };
  },
  finish(text: string): Edit[] {
    if (
      !/\bos\.(?:environ|getenv)\b/.test(text) ||
      /^(?:import\s+(?:[\w.]+\s*,\s*)*os\b|from\s+os\s+import\s+(?:environ|getenv))/m.test(text)
    )
      return [];
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    return [{ start: importOffset(text), end: importOffset(text), replacement: `import os${eol}` }];
  },
};

/** After a shebang, encoding line, leading comments, the module docstring and __future__ imports. */
function importOffset(text: string): number {
  let at = 0;
  const lineEnd = (from: number) => {
    const nl = text.indexOf("\n", from);
    return nl === -1 ? text.length : nl + 1;
  };
  while (at < text.length && /^(?:#.*|\s*)$/.test(text.slice(at, lineEnd(at)).trimEnd())) at = lineEnd(at);
  const doc = /^[rRuU]?("""|''')/.exec(text.slice(at));
  if (doc) {
    const close = text.indexOf(doc[1]!, at + doc[0].length);
    if (close !== -1) at = lineEnd(close + 3);
  }
  while (at < text.length && /^(?:from\s+__future__\s+import\b.*|\s*)$/.test(text.slice(at, lineEnd(at)).trimEnd())) {
    if (!text.slice(at, lineEnd(at)).trim()) break;
    at = lineEnd(at);
  }
  return at;
}
