import { describe, expect, it } from "vitest";
import { EnvPlan, parseEnv } from "../../../src/fix/dotenv.js";
import { languageFor } from "../../../src/fix/languages.js";
import { locate } from "../../../src/fix/site.js";
import { fakeKeys } from "../../helpers/fake-key.js";

const keys = fakeKeys(8080);

/** Rewrite the one key in `text` as `path` would be rewritten, edits applied. */
function rewrite(path: string, text: string, key: string): string {
  const language = languageFor(path, text)!;
  const start = text.indexOf(key);
  const r = language.rewrite({
    path,
    text,
    start,
    end: start + key.length,
    envVar: "TAVILY_API_KEY",
    placeholder: "tvly-YOUR_API_KEY",
  });
  if (r.kind !== "edit") return `${r.kind}${r.kind === "manual" ? `: ${r.reason}` : ""}`;
  let out = text;
  for (const e of [...r.edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  for (const e of language.finish?.(out) ?? []) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out;
}

describe("fix language modules", () => {
  const key = keys.next();
  it.each([
    ["a.mjs", `x = "${key}" // c`, `x = process.env.TAVILY_API_KEY // c`],
    ["a.js", `x = process.env["TAVILY"] ?? '${key}'`, `x = process.env["TAVILY"]`],
    ["a.js", `// old: ${key}`, "manual: the key is in a comment: delete it from the comment"],
    ["a.js", `x = "a\\"b${key}"`, `x = "a\\"b" + process.env.TAVILY_API_KEY`],
    [
      "a.py",
      `#!/usr/bin/env python\n# header\nx = "${key}"\n`,
      `#!/usr/bin/env python\n# header\nimport os\nx = os.environ["TAVILY_API_KEY"]\n`,
    ],
    ["a.py", `x = b"${key}"`, "manual: the key is in a bytes literal"],
    ["a.py", `x = """${key}"""`, "manual: the key is in a triple-quoted string"],
    ["a.py", `import os\r\nx = '${key}'\r\n`, `import os\r\nx = os.environ["TAVILY_API_KEY"]\r\n`],
    ["bin/deploy", `#!/bin/bash\ncurl -d 'k=${key}'\n`, `#!/bin/bash\ncurl -d 'k='"\${TAVILY_API_KEY}"\n`],
    ["a.sh", `echo '${key}-x'`, `echo "\${TAVILY_API_KEY}"'-x'`],
    ["a.sh", `x=1 # ${key}`, "manual: the key is in a comment: delete it from the comment"],
    ["k8s.yml", `value: '${key}' # note`, `value: '\${TAVILY_API_KEY}' # note`],
    [
      "Dockerfile.prod",
      `ENV TAVILY_API_KEY "${key}"\r\n`,
      `# TAVILY_API_KEY comes from the environment at run time: docker run --env-file .env …\r\n`,
    ],
    ["docs/setup.md", `export TAVILY_API_KEY=${key}`, "export TAVILY_API_KEY=tvly-YOUR_API_KEY"],
    ["prod.env", `K=${key}`, "keep"],
    ["config/.env.example", `TAVILY_API_KEY=${key}`, "TAVILY_API_KEY=tvly-YOUR_API_KEY"],
    [
      "a.rb",
      `c = Tavily::Client.new(api_key: '${key}')`,
      `c = Tavily::Client.new(api_key: ENV.fetch("TAVILY_API_KEY"))`,
    ],
    ["A.java", `String k = "${key}";`, `String k = System.getenv("TAVILY_API_KEY");`],
    ["a.php", `$u = 'https://x/?k=${key}';`, `$u = 'https://x/?k=' . getenv('TAVILY_API_KEY');`],
    [
      "main.go",
      `package main\n\nimport (\n\t"fmt"\n)\n\nvar k = "${key}"\n`,
      `package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nvar k = os.Getenv("TAVILY_API_KEY")\n`,
    ],
    [
      "main.go",
      `package main\n\nvar k = \`${key}\`\n`,
      `package main\n\nimport "os"\n\nvar k = os.Getenv("TAVILY_API_KEY")\n`,
    ],
    [
      "x.go",
      `package x\n\nimport "os"\n\nvar k = "${key}"\n`,
      `package x\n\nimport "os"\n\nvar k = os.Getenv("TAVILY_API_KEY")\n`,
    ],
  ])("%s: %j", (path, text, expected) => {
    expect(rewrite(path, text, key)).toBe(expected);
  });

  it("has no language for JSON, notebooks or unknown types", () => {
    expect(languageFor("a.json", "{}")).toBeUndefined();
    expect(languageFor("a.ipynb", "{}")).toBeUndefined();
    expect(languageFor("a.toml", "")).toBeUndefined();
  });

  it("locates strings, comments and bare words on the key's line", () => {
    const style = { quotes: "\"'", escapes: '"', comments: ["#"], commentNeedsSpace: true };
    expect(locate(`a="x${key}"`, 4, 4 + key.length, style)).toEqual({
      kind: "string",
      open: 2,
      close: 4 + key.length,
      quote: '"',
    });
    expect(locate(`url#frag=${key}`, 9, 9 + key.length, style)).toEqual({ kind: "bare" });
    expect(locate(`a "${key}`, 3, 3 + key.length, style)).toEqual({ kind: "unknown" });
  });
});

describe("EnvPlan", () => {
  it("reuses, claims and never overwrites", () => {
    const [a, b, c] = [keys.next(), keys.next(), keys.next()];
    const plan = new EnvPlan(parseEnv(`# comment\nexport A="${a}"\nTAVILY_API_KEY='${b}'\n`));
    expect(plan.nameFor(a, "TAVILY_API_KEY")).toBe("A");
    expect(plan.nameFor(c, "TAVILY_API_KEY")).toBe("TAVILY_API_KEY_2");
    expect(plan.claim("TAVILY_API_KEY", c)).toBe(false);
    expect(plan.claim("TAVILY_API_KEY_2", c)).toBe(true);
    expect(plan.claim("TAVILY_API_KEY_2", c)).toBe(true);
    expect(plan.appendTo(Buffer.from("X=1")).toString()).toBe(`X=1\nTAVILY_API_KEY_2=${c}\n`);
    expect(new EnvPlan(new Map()).appendTo(null).length).toBe(0);
  });

  it("keeps the existing bytes exactly (non-UTF-8, CRLF) and appends in the file's line ending", () => {
    const c = keys.next();
    const plan = new EnvPlan(parseEnv("A=1"));
    plan.claim("TAVILY_API_KEY", c);
    const before = Buffer.from([0x41, 0x3d, 0xe9, 0xff, 0x0d, 0x0a]); // A=\xe9\xff CRLF: not UTF-8
    const after = plan.appendTo(before);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString()).toBe(`TAVILY_API_KEY=${c}\r\n`);
  });

  it("finds free names with map lookups: 20,000 distinct keys under one wanted name stay fast", () => {
    const plan = new EnvPlan(new Map());
    const names = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const value = `v${i}`;
      const name = plan.nameFor(value, "TAVILY_API_KEY");
      expect(plan.claim(name, value)).toBe(true);
      names.add(name);
    }
    expect(names.size).toBe(20_000);
    expect(plan.nameFor("v19999", "TAVILY_API_KEY")).toBe("TAVILY_API_KEY_20000");
  });
});
