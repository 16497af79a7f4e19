// source -> engine -> findings: the loop every scanning command shares.
import { detectSecrets } from "./engine/detect.js";
import type { Rule } from "./engine/rule.js";
import type { Progress } from "./progress.js";
import { compareFindings, toFinding, type Finding, type FindingOptions, type ScanSummary } from "./report/finding.js";
import { formatBytes } from "./report/summary.js";
import type { Chunk } from "./sources/chunk.js";

/** Scan every chunk a source yields; findings come back in report order. */
export async function collectFindings(
  chunks: AsyncIterable<Chunk>,
  rules: readonly Rule[],
  summary: ScanSummary,
  options: FindingOptions & { progress?: Progress } = {},
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for await (const chunk of chunks) {
    for (const match of detectSecrets(chunk, rules)) findings.push(toFinding(match, chunk, options));
    options.progress?.update(() => `tvly-guard: ${summary.files} files, ${formatBytes(summary.bytes)}, ${findings.length} findings`);
  }
  options.progress?.done();
  return findings.sort(compareFindings);
}
