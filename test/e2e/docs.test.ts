// The docs stay honest: every command and option README.md, CONTRIBUTING.md and
// docs/*.md name exists in the built CLI's --help, every relative link (and
// #anchor) resolves, and the blocks generated from rules/*.json are fresh.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderFile, staleFiles, TARGETS } from "../../scripts/render-docs.mjs";
import { fakeKeys } from "../helpers/fake-key.js";
import { tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOCS = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((n) => n.endsWith(".md"))
    .map((n) => `docs/${n}`),
];

/** Options of other tools that the docs name in backticks (git, npm, node, lint-staged, our scripts). */
const FOREIGN_OPTIONS = new Set([
  "--all", // git log --all
  "--cc", // git diff --cc
  "--check", // scripts/render-docs.mjs --check
  "--filter", // git clone --filter=blob:none
  "--no-hide-partially-staged", // lint-staged
  "--no-verify", // git commit/push --no-verify
  "--quick", // npm run bench -- --quick
  "--unshallow", // git fetch --unshallow
]);

interface Cli {
  commands: Set<string>;
  options: Map<string, Set<string>>; // "" holds the global options
}

function optionsIn(help: string): Set<string> {
  const section = help.split("\nOptions:\n")[1] ?? help;
  return new Set([...section.matchAll(/(?<![\w-])(--?[a-z][a-z-]*)/g)].map((m) => m[1]!));
}

function readCli(): Cli {
  const top = runCli(["--help"]);
  expect(top.code).toBe(0);
  const list = top.stdout.split("Commands:\n")[1]!.split("\n\n")[0]!;
  const commands = new Set(list.split("\n").map((l) => l.trim().split(/\s+/)[0]!));
  const options = new Map<string, Set<string>>([["", optionsIn(top.stdout.split("Commands:")[1]!)]]);
  for (const name of commands) {
    const r = runCli([name, "--help"]);
    expect(r.code, `${name} --help`).toBe(0);
    options.set(name, optionsIn(r.stdout));
  }
  return { commands, options };
}

/** Code the reader would type: fenced blocks and inline spans, each with its line number. */
function codeOf(markdown: string): { text: string; line: number; fenced: boolean }[] {
  const out: { text: string; line: number; fenced: boolean }[] = [];
  let fence: string[] | null = null;
  markdown.split("\n").forEach((line, i) => {
    if (/^\s*```/.test(line)) {
      fence = fence ? null : [];
      return;
    }
    if (fence)
      out.push({ text: line.replace(/(^|\s)#.*$/, ""), line: i + 1, fenced: true }); // comments are prose
    else for (const m of line.matchAll(/`([^`]+)`/g)) out.push({ text: m[1]!, line: i + 1, fenced: false });
  });
  return out;
}

/** Problems with `tvly-guard <command> --option` invocations and bare `--option` spans in `markdown`. */
function checkCommands(markdown: string, cli: Cli): string[] {
  const problems: string[] = [];
  const known = new Set([...cli.options.values()].flatMap((s) => [...s]));
  for (const { text, line, fenced } of codeOf(markdown)) {
    for (const m of text.matchAll(/(?:^|[\s/("'])tvly-guard[ \t]+([^\s|;&#"'`]+)([^|;&#\n]*)/g)) {
      let command = m[1]!;
      let rest = m[2]!;
      if (command.startsWith("-") || command.startsWith("[")) {
        rest = `${command} ${rest}`;
        command = "";
      } else if (!/^[a-z]/.test(command)) continue; // `tvly-guard <command>`
      if (command && !cli.commands.has(command)) {
        problems.push(`line ${line}: unknown command "tvly-guard ${command}"`);
        continue;
      }
      const options = cli.options.get(command)!;
      for (const t of rest.matchAll(/(?:^|[\s[])(--?[a-z][a-z-]*)/g))
        if (!options.has(t[1]!)) problems.push(`line ${line}: "tvly-guard ${command}" has no option ${t[1]}`);
    }
    if (!fenced && /^--?[a-z]/.test(text))
      for (const t of text.matchAll(/(?:^|[\s,[])(--?[a-z][a-z-]*)/g))
        if (!known.has(t[1]!) && !FOREIGN_OPTIONS.has(t[1]!)) problems.push(`line ${line}: no command has ${t[1]}`);
  }
  return problems;
}

/** GitHub's heading anchors: lower case, punctuation dropped, each space a dash, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const h = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (!h) continue;
    const text = h[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[`*_]/g, (c) => (c === "_" ? c : ""));
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n ? `${slug}-${n}` : slug);
  }
  return anchors;
}

/** Relative links in `file` (outside code) whose file or #anchor does not exist. */
function checkLinks(file: string, markdown: string): string[] {
  const problems: string[] = [];
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "``");
  for (const m of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
    const [path, anchor] = target.split("#") as [string, string | undefined];
    const abs = path ? resolve(ROOT, dirname(file), path) : join(ROOT, file);
    if (!existsSync(abs)) {
      problems.push(`${file}: link to ${target}: no such file`);
      continue;
    }
    if (anchor !== undefined && abs.endsWith(".md") && !anchorsOf(readFileSync(abs, "utf8")).has(anchor))
      problems.push(`${file}: link to ${target}: no such heading in ${relative(ROOT, abs)}`);
  }
  return problems;
}

describe("the docs match the CLI", () => {
  const cli = readCli();

  it.each(DOCS)("%s names only commands and options the CLI has", (file) => {
    expect(checkCommands(readFileSync(join(ROOT, file), "utf8"), cli)).toEqual([]);
  });

  it.each(DOCS)("%s links only to files and headings that exist", (file) => {
    expect(checkLinks(file, readFileSync(join(ROOT, file), "utf8"))).toEqual([]);
  });

  it("names every command in README.md and docs/commands.md", () => {
    for (const file of ["README.md", "docs/commands.md"]) {
      const text = readFileSync(join(ROOT, file), "utf8");
      const missing = [...cli.commands].filter((c) => !new RegExp(`tvly-guard ${c}\\b`).test(text));
      expect(missing, `${file} never shows these commands`).toEqual([]);
    }
  });

  it("documents every long option of every command somewhere", () => {
    const text = DOCS.map((f) => readFileSync(join(ROOT, f), "utf8")).join("\n");
    const missing = [...cli.options].flatMap(([command, options]) =>
      [...options]
        .filter((o) => o.startsWith("--") && o !== "--help" && !new RegExp(`${o}(?![a-z-])`).test(text))
        .map((o) => `tvly-guard ${command || "(global)"} ${o}`),
    );
    expect(missing, "not named in README.md, CONTRIBUTING.md or docs/").toEqual([]);
  });

  it("the checks catch a made-up command, option and link", () => {
    const bad = [
      "```bash",
      "tvly-guard scan . --fromat json",
      "tvly-guard rescan",
      "```",
      "Use `--dry-runn`, see [x](docs/nope.md) and [y](docs/commands.md#nope).",
    ].join("\n");
    expect(checkCommands(bad, cli)).toEqual([
      'line 2: "tvly-guard scan" has no option --fromat',
      'line 3: unknown command "tvly-guard rescan"',
      "line 5: no command has --dry-runn",
    ]);
    expect(checkLinks("README.md", bad)).toEqual([
      "README.md: link to docs/nope.md: no such file",
      "README.md: link to docs/commands.md#nope: no such heading in docs/commands.md",
    ]);
  });
});

describe("the output page matches the reports", () => {
  it("has a section for every format --format takes", () => {
    const help = runCli(["scan", "--help"]).stdout;
    const formats = /report format: ([a-z, ]+) \(default/.exec(help)![1]!.split(", ");
    const page = readFileSync(join(ROOT, "docs/output.md"), "utf8");
    expect(formats.filter((f) => !new RegExp(`^## ${f}$`, "m").test(page))).toEqual([]);
  });

  it("shows the JSON report with the fields a scan writes, no more, no less", () => {
    const page = readFileSync(join(ROOT, "docs/output.md"), "utf8");
    const example = JSON.parse(page.split("```json\n")[1]!.split("```")[0]!);
    const dir = tempDir();
    writeFiles(dir, { ".env": `TAVILY_API_KEY=${fakeKeys(15).next()}\n` });
    const r = runCli(["scan", ".", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const real = JSON.parse(r.stdout);
    const keysOf = (o: object) => Object.keys(o).sort();
    expect(keysOf(example)).toEqual(keysOf(real));
    expect(keysOf(example.scanned)).toEqual(keysOf(real.scanned));
    expect(keysOf(example.scanned.skipped)).toEqual(keysOf(real.scanned.skipped));
    expect(keysOf(example.findings[0])).toEqual(keysOf(real.findings[0])); // a plain key: no encoding, no offset
  });
});

describe("the integrations page matches the files it describes", () => {
  const page = readFileSync(join(ROOT, "docs/integrations.md"), "utf8");

  it("lists every input of action.yml, with its default, and no other", () => {
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
      inputs: Record<string, { default?: string }>;
    };
    const table = page.split("| input | default | meaning |")[1]!.split("\n\n")[0]!;
    const rows = [...table.matchAll(/^\| `([^`]+)` \| (?:`([^`]*)`)? *\|/gm)].map((m) => [m[1]!, m[2] ?? ""]);
    const inputs = Object.entries(action.inputs).map(([name, spec]) => [name, String(spec.default ?? "")]);
    expect(rows.sort()).toEqual(inputs.sort());
  });

  it("names every hook id of .pre-commit-hooks.yaml", () => {
    const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as { id: string }[];
    for (const { id } of hooks) expect(page).toMatch(new RegExp(`id: ${id}(?![\\w-])`));
  });
});

describe("text generated from the rule files", () => {
  it("is fresh in every file that holds it (npm run docs rewrites it)", () => {
    expect(staleFiles(ROOT)).toEqual([]);
  });

  it("is detected as stale when edited by hand", () => {
    for (const file of Object.keys(TARGETS)) {
      const text = readFileSync(join(ROOT, file), "utf8");
      const edited = text.replace(/(<!-- generated:\w+ [^\n]*-->\n)/, "$1Edited by hand.\n");
      expect(edited).not.toBe(text);
      expect(renderFile(ROOT, file, edited)).toBe(text);
    }
  });

  it("is the only place outside rules/ that holds a remediation step", () => {
    const steps = readdirSync(join(ROOT, "rules")).flatMap((n) => {
      // A rule that extends another may hold no remediation of its own, or only a notice.
      const r = JSON.parse(readFileSync(join(ROOT, "rules", n), "utf8")).remediation ?? {};
      return [...(r.steps ?? []), ...Object.values(r.cases ?? {}), r.rotation, r.notice].filter(Boolean) as string[];
    });
    // Long enough to be a sentence of its own, short enough to survive slot filling unchanged.
    const probes = steps.flatMap((s) => s.split(/\{\w+\}/)).filter((p) => p.trim().length >= 24);
    const generated = (text: string) => text.replace(/<!-- generated:[\s\S]*?<!-- \/generated:\w+ -->/g, "");
    const files = [...DOCS, ...listFiles("src"), ...listFiles("hooks")];
    const copies = files.flatMap((f) => {
      const text = generated(readFileSync(join(ROOT, f), "utf8"));
      return probes.filter((p) => text.includes(p.trim())).map((p) => `${f}: "${p.trim()}"`);
    });
    expect(copies).toEqual([]);
  });
});

describe("remediation wording", () => {
  it("no sentence about revoking or rotating a key is written twice (README, docs, src, hooks)", () => {
    const files = [...DOCS, ...listFiles("src"), ...listFiles("hooks")];
    const seen = new Map<string, string[]>();
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), "utf8")
        .replace(/<!-- generated:[\s\S]*?<!-- \/generated:\w+ -->/g, "")
        .replace(/\s+/g, " ");
      for (const sentence of text.split(/(?<=[.!?;:])\s|["`]/)) {
        const s = sentence.trim();
        if (s.length >= 40 && /revok|rotat/i.test(s)) seen.set(s, [...(seen.get(s) ?? []), file]);
      }
    }
    expect([...seen].filter(([, where]) => where.length > 1)).toEqual([]);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}
