#!/usr/bin/env node
// `npm run score`: write the corpus to a temp dir, scan it with the built CLI
// (the real path: file walk, binary handling, decoders, filters), and print
// precision and recall per key format and per category. A finding counts as
// true only with the expected rule (a classic key reported as "unknown format"
// is a miss and a false alarm). Also measures the placeholder filters on random
// keys (how many real-looking keys they would wrongly drop).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fakeKeys, keyFormats } from "../helpers/fake-key.mjs";
import { buildCorpus, placeholders } from "./corpus.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "dist/cli.js");
const sha = (s) => createHash("sha256").update(s).digest("hex");

const tally = () => ({ cases: 0, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
const finish = (s) => {
  s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
};

/**
 * Scan the corpus with the CLI. Tallies (cases, tp, fp, fn, precision, recall) by
 * category, by format, and by "category format"; misses lists each wrong file.
 */
export function scoreCorpus(seed = 6) {
  const cases = buildCorpus(seed);
  const dir = mkdtempSync(join(tmpdir(), "tvly-guard-corpus-"));
  try {
    for (const c of cases) {
      mkdirSync(dirname(join(dir, c.path)), { recursive: true });
      writeFileSync(join(dir, c.path), c.data);
    }
    const r = spawnSync(process.execPath, [CLI, "scan", ".", "--format", "json"], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(`scan failed (${r.status}): ${r.stderr}`);
    const findings = JSON.parse(r.stdout).findings;
    const byFile = new Map();
    for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), `${f.fingerprint} ${f.ruleId}`]);
    const byCategory = {};
    const byFormat = {};
    const byBoth = {};
    const misses = [];
    for (const c of cases) {
      const tallies = [
        (byCategory[c.category] ??= tally()),
        (byFormat[c.format] ??= tally()),
        (byBoth[`${c.category} ${c.format}`] ??= tally()),
      ];
      for (const s of tallies) s.cases++;
      const expected = new Set(c.keys.map((k) => `${sha(k.key)} ${k.ruleId}`));
      const found = new Set(byFile.get(c.path) ?? []);
      const count = (field, n = 1) => {
        for (const s of tallies) s[field] += n;
      };
      for (const f of found) {
        if (expected.has(f)) count("tp");
        else {
          count("fp");
          misses.push(`false positive (${f.split(" ")[1]}): ${c.path}`);
        }
      }
      for (const e of expected) {
        if (found.has(e)) continue;
        count("fn");
        misses.push(`missed: ${c.path}`);
      }
    }
    for (const group of [byCategory, byFormat, byBoth]) for (const s of Object.values(group)) finish(s);
    return { byCategory, byFormat, byBoth, misses, cases: cases.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How each rule's placeholder filter treats random bodies of its own shapes
 * (it should keep all) and the placeholder list (the rules should drop all).
 */
export async function scoreFilter(samples = 100_000) {
  const { placeholderReason } = await import(join(ROOT, "dist/engine/allow.js"));
  const { builtinRules } = await import(join(ROOT, "dist/engine/rule.js"));
  const { detectSecrets } = await import(join(ROOT, "dist/engine/detect.js"));
  const rules = builtinRules();
  const keys = fakeKeys(99);
  const dropped = {};
  let drops = 0;
  let tried = 0;
  const formats = keyFormats();
  for (let i = 0; i < samples; i++) {
    const format = formats[i % formats.length];
    const rule = rules.find((r) => r.id === format.ruleId);
    const key = keys.shaped(format.shape);
    const match = rule.regex.exec(key);
    rule.regex.lastIndex = 0;
    tried++;
    const why = match ? placeholderReason(rule, match.groups.body) : "pattern";
    if (why) {
      drops++;
      dropped[`${format.name}: ${why}`] = (dropped[`${format.name}: ${why}`] ?? 0) + 1;
    }
  }
  const list = placeholders();
  const kept = list.filter(
    (p) => detectSecrets({ path: "p", data: Buffer.from(`k = "${p}"`), startLine: 1 }, rules).length > 0,
  );
  return { samples: tried, drops, dropped, placeholders: list.length, kept };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const table = (title, group) => {
  const lines = [
    `| ${title} | cases | true pos. | false pos. | missed | precision | recall |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const [name, s] of Object.entries(group).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    lines.push(`| ${name} | ${s.cases} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  return lines.join("\n");
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { byCategory, byFormat, byBoth, misses, cases } = scoreCorpus();
  const all = tally();
  for (const s of Object.values(byCategory)) for (const f of ["cases", "tp", "fp", "fn"]) all[f] += s[f];
  finish(all);
  console.log(`Corpus: ${cases} files (seed 6)\n`);
  console.log(`${table("category", { ...byCategory, all })}\n`);
  console.log(`${table("format", byFormat)}\n`);
  if (process.argv.includes("--detail")) console.log(`${table("category and format", byBoth)}\n`);
  for (const m of misses) console.log(`  ${m}`);
  const f = await scoreFilter();
  console.log(
    `Placeholder filters: dropped ${f.drops} of ${f.samples} random keys of the rules' own shapes${
      f.drops
        ? ` (${Object.entries(f.dropped)
            .map(([k, v]) => `${v} ${k}`)
            .join("; ")})`
        : ""
    }; reported ${f.kept.length} of ${f.placeholders} placeholders${f.kept.length ? ` (${f.kept.join(", ")})` : ""}.`,
  );
}
