// Compare a `tvly-guard history --format json` report with make-repo's .planted.json:
// every planted key found at its file and attributed to its commit; no decoy reported.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** { ok, found, planted, wrongCommit: [...], missing: [...], decoys: n } */
export function checkPlanted(report, planted) {
  const fp = (k) => createHash("sha256").update(k).digest("hex");
  const byPair = new Map(report.findings.map((f) => [`${f.fingerprint}\0${f.file}`, f]));
  const missing = [];
  const wrongCommit = [];
  const wrongInHead = [];
  for (const k of planted.keys) {
    const f = byPair.get(`${fp(k.key)}\0${k.file}`);
    if (!f) missing.push(`${k.file} @ ${k.commit.slice(0, 10)}`);
    else if (f.commit !== k.commit)
      wrongCommit.push(`${k.file}: want ${k.commit.slice(0, 10)} got ${f.commit?.slice(0, 10)}`);
    else if (f.line !== k.line) wrongCommit.push(`${k.file}: want line ${k.line} got ${f.line}`);
    if (k.headFile) {
      const h = byPair.get(`${fp(k.key)}\0${k.headFile}`);
      if (h?.inHead !== true) wrongInHead.push(`${k.headFile}: want inHead true got ${h?.inHead}`);
    } else if (f && f.inHead !== false) wrongInHead.push(`${k.file}: want inHead false got ${f.inHead}`);
  }
  const decoyTexts = (planted.decoys ?? []).map((d) => d.text);
  const plantedFps = new Set(planted.keys.map((k) => fp(k.key)));
  const unexpected = report.findings.filter((f) => !plantedFps.has(f.fingerprint)).length;
  const ok = missing.length === 0 && wrongCommit.length === 0 && wrongInHead.length === 0 && unexpected === 0;
  return {
    ok,
    planted: planted.keys.length,
    found: planted.keys.length - missing.length,
    missing,
    wrongCommit,
    wrongInHead,
    unexpected,
    decoys: decoyTexts.length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [reportPath, plantedPath] = process.argv.slice(2);
  const result = checkPlanted(
    JSON.parse(readFileSync(reportPath, "utf8")),
    JSON.parse(readFileSync(plantedPath, "utf8")),
  );
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = result.ok ? 0 : 1;
}
