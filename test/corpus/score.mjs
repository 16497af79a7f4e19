#!/usr/bin/env node
// `npm run score`: write the corpus to a temp dir, scan it with the built CLI
// (the real path: file walk, binary handling, decoders, filters), and print
// precision and recall per category. Also measures the placeholder filter on
// random keys (how many real-looking keys it would wrongly drop).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fakeKeys } from "../helpers/fake-key.mjs";
import { buildCorpus, placeholders } from "./corpus.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(ROOT, "dist/tvly-guard.cjs"); // the bundle, as users run it
const sha = (s) => createHash("sha256").update(s).digest("hex");

/** Scan the corpus with the CLI; per category: tp, fp, fn, precision, recall, and the misses by format. */
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
    const byCategory = {};
    const misses = [];
    for (const c of cases) {
      const s = (byCategory[c.category] ??= { cases: 0, tp: 0, fp: 0, fn: 0 });
      s.cases++;
      const expected = new Set(c.keys.map(sha));
      const found = new Set(findings.filter((f) => f.file === c.path).map((f) => f.fingerprint));
      for (const fp of found) {
        if (expected.has(fp)) s.tp++;
        else {
          s.fp++;
          misses.push(`false positive: ${c.path}`);
        }
      }
      for (const fp of expected) {
        if (found.has(fp)) continue;
        s.fn++;
        misses.push(`missed: ${c.path}`);
      }
    }
    for (const s of Object.values(byCategory)) {
      s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
      s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
    }
    return { byCategory, misses, cases: cases.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How the placeholder filter treats random keys (should keep all) and the placeholder list (should drop all). */
export async function scoreFilter(samples = 100_000) {
  const { placeholderReason } = await import(join(ROOT, "dist/engine/allow.js"));
  const { builtinRules } = await import(join(ROOT, "dist/engine/rule.js"));
  const rule = builtinRules()[0];
  const keys = fakeKeys(99);
  const dropped = {};
  let drops = 0;
  for (let i = 0; i < samples; i++) {
    const why = placeholderReason(rule, keys.body());
    if (why) {
      drops++;
      dropped[why] = (dropped[why] ?? 0) + 1;
    }
  }
  const bodies = placeholders()
    .map((p) => p.replace(/^tvly-(dev-|prod-)?/, ""))
    .filter((b) => /^[A-Za-z0-9]{32}$/.test(b));
  const kept = bodies.filter((b) => placeholderReason(rule, b) === undefined);
  return { samples, drops, dropped, placeholders: bodies.length, kept };
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { byCategory, misses, cases } = scoreCorpus();
  const lines = [
    "| category | cases | true pos. | false pos. | missed | precision | recall |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const [name, s] of Object.entries(byCategory))
    lines.push(`| ${name} | ${s.cases} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  console.log(`Corpus: ${cases} files (seed 6)\n\n${lines.join("\n")}\n`);
  for (const m of misses) console.log(`  ${m}`);
  const f = await scoreFilter();
  console.log(
    `Placeholder filter: dropped ${f.drops} of ${f.samples} random key bodies${
      f.drops
        ? ` (${Object.entries(f.dropped)
            .map(([k, v]) => `${v} ${k}`)
            .join("; ")})`
        : ""
    }; kept ${f.kept.length} of ${f.placeholders} 32-character placeholders${f.kept.length ? ` (${f.kept.join(", ")})` : ""}.`,
  );
}
