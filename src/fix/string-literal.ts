// Languages where a key in a string literal becomes one expression (Ruby, Java,
// Kotlin, C#, PHP, Go): the literal is replaced, text around the key is kept
// by concatenation. Each family is a few lines of data below.
import { type Edit, type Language, locate, notInString, type Site, type SiteResult, spliceLiteral } from "./site.js";

interface StringLanguage {
  name: string;
  extensions: RegExp;
  quotes: string;
  comments: string[];
  lookup: (envVar: string) => string;
  join: string;
  finish?: (text: string) => Edit[];
}

function stringLanguage(spec: StringLanguage): Language {
  const style = { quotes: spec.quotes, escapes: spec.quotes.replace("`", ""), comments: spec.comments };
  return {
    name: spec.name,
    owns: (path) => spec.extensions.test(path),
    rewrite(site: Site): SiteResult {
      const ctx = locate(site.text, site.start, site.end, style);
      if (ctx.kind !== "string") return notInString(ctx);
      const expr = spec.lookup(site.envVar);
      return { kind: "edit", edits: [spliceLiteral(site, ctx, expr, spec.join)], envVar: site.envVar, shows: expr };
    },
    ...(spec.finish ? { finish: spec.finish } : {}),
  };
}

export const ruby = stringLanguage({
  name: "Ruby",
  extensions: /\.rb$/i,
  quotes: "\"'",
  comments: ["#"],
  lookup: (v) => `ENV.fetch("${v}")`,
  join: " + ",
});
export const jvm = stringLanguage({
  name: "Java/Kotlin",
  extensions: /\.(?:java|kt|kts)$/i,
  quotes: '"',
  comments: ["//", "/*"],
  lookup: (v) => `System.getenv("${v}")`,
  join: " + ",
});
export const csharp = stringLanguage({
  name: "C#",
  extensions: /\.cs$/i,
  quotes: '"',
  comments: ["//", "/*"],
  lookup: (v) => `Environment.GetEnvironmentVariable("${v}")`,
  join: " + ",
});
export const php = stringLanguage({
  name: "PHP",
  extensions: /\.php$/i,
  quotes: "\"'",
  comments: ["//", "#", "/*"],
  lookup: (v) => `getenv('${v}')`,
  join: " . ",
});
export const go = stringLanguage({
  name: "Go",
  extensions: /\.go$/i,
  quotes: '"`',
  comments: ["//", "/*"],
  lookup: (v) => `os.Getenv("${v}")`,
  join: " + ",
  finish: addGoImport,
});

/** Go refuses to compile without the "os" import: add it to the import block, or after the package clause. */
function addGoImport(text: string): Edit[] {
  if (!text.includes("os.Getenv(") || /^\s*(?:import\s+)?(?:\w+\s+)?"os"\s*$/m.test(text)) return [];
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const block = /^import\s*\(\s*?\r?\n/m.exec(text);
  if (block)
    return [{ start: block.index + block[0].length, end: block.index + block[0].length, replacement: `\t"os"${eol}` }];
  const pkg = /^package\s+\w+[^\n]*\n/m.exec(text);
  const at = pkg ? pkg.index + pkg[0].length : 0;
  return [{ start: at, end: at, replacement: `${eol}import "os"${eol}` }];
}
