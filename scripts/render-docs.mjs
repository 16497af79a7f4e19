// Writes the parts of README.md and docs/ that come from the rule files
// (revoke-and-replace steps, triage case notes), so their wording lives in
// rules/*.json only. `--check` exits 1 when a generated block is stale.
// Usage: npm run docs (writes), npm run docs -- --check (CI).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fillStep } from "../dist/report/remediation.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The files that hold generated blocks, and the blocks each holds. */
export const TARGETS = { "README.md": ["remediation"], "docs/output.md": ["cases"] };

const CASE_LABELS = {
  live: "`--verify` says the key is live",
  revoked: "`--verify` says Tavily rejects the key",
  pushed: "the commit that added it is on a remote",
  unpushed: "the commit is not pushed yet",
  inHead: "HEAD still holds the key",
  old: "the key was first committed more than `rotationDays` ago",
  commitMessage: "the key is in a commit message",
  tagMessage: "the key is in an annotated tag's message",
  note: "the key is in a git note",
  unreachable: "only objects no ref reaches hold it (`history --all-objects`)",
};

/**
 * Rules grouped by identical remediation blocks (several key formats, one set of steps). A rule
 * that `extends` another takes its steps, so it joins that rule's group.
 */
function remediationGroups(root) {
  const dir = join(root, "rules");
  const rules = readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((name) => ({ name, rule: JSON.parse(readFileSync(join(dir, name), "utf8")) }));
  const byId = new Map(rules.map(({ rule }) => [rule.id, rule]));
  const groups = new Map();
  for (const { name, rule } of rules) {
    const remediation = (rule.extends ? byId.get(rule.extends) : rule)?.remediation;
    if (!remediation) continue;
    const key = JSON.stringify(remediation);
    if (!groups.has(key)) groups.set(key, { remediation, files: [] });
    groups.get(key).files.push(`rules/${name}`);
  }
  return [...groups.values()];
}

const sources = (files, prefix) => files.map((f) => `[\`${f}\`](${prefix}${f})`).join(", ");

function renderSteps(groups, prefix) {
  return groups
    .map(({ remediation: r, files }) => {
      const out = [`**${r.title}** (from ${sources(files, prefix)}):`, ""];
      r.steps.forEach((step, i) => out.push(`${i + 1}. ${fillStep(step, r)}`));
      if (r.rotation) out.push("", fillStep(r.rotation, r));
      const links = [r.docsUrl && `Guide: <${r.docsUrl}>`, r.supportEmail && `support: <${r.supportEmail}>`];
      if (links.some(Boolean)) out.push("", links.filter(Boolean).join(" · "));
      return out.join("\n");
    })
    .join("\n\n");
}

function renderCases(groups, prefix) {
  return groups
    .map(({ remediation: r, files }) => {
      const out = [`From ${sources(files, prefix)}, \`remediation.cases\`:`, ""];
      out.push("| when | the block says |", "| --- | --- |");
      for (const [name, text] of Object.entries(r.cases ?? {})) {
        const said = fillStep(text, r, { ageDays: "N" }).replaceAll("|", "\\|");
        out.push(`| ${CASE_LABELS[name] ?? `\`${name}\``} | ${said} |`);
      }
      return out.join("\n");
    })
    .join("\n\n");
}

const RENDER = { remediation: renderSteps, cases: renderCases };

/** `text` with every generated block of `blocks` rewritten; throws if a marker pair is missing. */
export function renderFile(root, file, text) {
  const prefix = file.includes("/") ? "../" : "";
  const groups = remediationGroups(root);
  let out = text;
  for (const block of TARGETS[file]) {
    const start = `<!-- generated:${block} (npm run docs; from rules/*.json, do not edit) -->`;
    const end = `<!-- /generated:${block} -->`;
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`${file}: missing the ${start} ... ${end} markers`);
    out = `${out.slice(0, a + start.length)}\n${RENDER[block](groups, prefix)}\n${out.slice(b)}`;
  }
  return out;
}

/** The target files whose generated blocks differ from what the rule files say. */
export function staleFiles(root = ROOT) {
  return Object.keys(TARGETS).filter((file) => {
    const text = readFileSync(join(root, file), "utf8");
    return renderFile(root, file, text) !== text;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const stale = staleFiles();
    if (stale.length) {
      console.error(`render-docs: stale generated blocks in ${stale.join(", ")}: run npm run docs`);
      process.exit(1);
    }
  } else {
    for (const file of Object.keys(TARGETS)) {
      const path = join(ROOT, file);
      writeFileSync(path, renderFile(ROOT, file, readFileSync(path, "utf8")));
    }
  }
}
