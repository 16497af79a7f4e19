// One finding as one sentence, for the machine formats that show a message
// next to a line (SARIF results, GitHub annotations). Wording from the rule file.
import type { Rule } from "../engine/rule.js";
import type { Finding } from "./finding.js";
import { describePlace } from "./location.js";
import { placeNote } from "./remediation.js";

/** "Tavily API key (tvly-… followed by …)." -> "Tavily API key": the rule's noun. */
export function ruleLabel(rule: Rule | undefined, ruleId: string): string {
  if (!rule) return ruleId;
  return rule.description.replace(/\s*\(.*\)\s*\.?$/, "").replace(/\.$/, "");
}

/** What was found where, and what to do: revoke, then read from the env var. */
export function describeFinding(f: Finding, rule: Rule | undefined): string {
  const r = rule?.remediation;
  const where =
    f.location !== "file"
      ? ` in ${describePlace(f)}${f.reachable === false ? ", which no ref reaches" : ""}`
      : f.commit
        ? ` in commit ${f.commit.slice(0, 12)}`
        : "";
  const revoke = r?.revokeUrl ? `Revoke it at ${r.revokeUrl}` : "Revoke it";
  const env = r?.envVar ? `the ${r.envVar} environment variable` : "an environment variable";
  const guide = r?.docsUrl ? ` Guide: ${r.docsUrl}` : "";
  const how = [
    f.encoding ? `${f.encoding}-encoded` : "",
    f.offset !== undefined ? `in a binary file at byte ${f.offset}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const note = r ? [placeNote(f, r), f.reachable === false ? r.cases?.unreachable : undefined] : [];
  const reword = note
    .filter(Boolean)
    .map((n) => ` ${n}`)
    .join("");
  return `${ruleLabel(rule, f.ruleId)} ${f.secret} found${how ? ` ${how}` : ""}${where} (fingerprint ${f.fingerprint.slice(0, 12)}). ${revoke}, create a new key, and read it from ${env}.${reword}${guide}`;
}
