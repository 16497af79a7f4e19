// source -> engine -> hits -> findings: the loop every scanning command runs.
// The engine is built once here (engineFor) and is the only way a source's
// bytes reach detectSecrets.
import { detectSecrets } from "../engine/detect.js";
import { compareFindings, type Finding, toFinding } from "../report/finding.js";
import { formatBytes, plural } from "../report/summary.js";
import type { Chunk, ScanSummary } from "../sources/chunk.js";
import type { Engine, Hit, Source } from "../sources/source.js";
import type { ScanSetup } from "./setup.js";

/** The engine with this scan's rules. */
export function engineFor(setup: ScanSetup): Engine {
  // Internal switch for bench/decoders.mjs: the plain pass alone, to measure what the decoders cost.
  const options = { decode: !setup.io.env.TVLY_GUARD_NO_DECODE, heldBack: setup.suppressed };
  return {
    rules: setup.rules,
    heldBack: setup.suppressed,
    detect: (chunk: Chunk) => detectSecrets(chunk, setup.rules, options),
  };
}

/** Every hit of `source`, then its findings in report order. */
export async function collectFindings(source: Source, setup: ScanSetup, summary: ScanSummary): Promise<Finding[]> {
  const engine = engineFor(setup);
  const hits = "search" in source ? await source.search(engine, summary, setup.progress) : [];
  if ("chunks" in source) {
    for await (const chunk of source.chunks(summary)) {
      for (const match of engine.detect(chunk)) hits.push({ match, chunk });
      setup.progress.update(() => progressLine(summary, hits.length));
    }
    setup.progress.done();
  }
  return hits.map((hit) => findingOf(hit, setup)).sort(compareFindings);
}

function findingOf({ match, chunk, inHead }: Hit, setup: ScanSetup): Finding {
  const finding = toFinding(match, chunk, { showSecret: setup.showSecret });
  return inHead === undefined ? finding : Object.assign(finding, { inHead });
}

function progressLine(summary: ScanSummary, findings: number): string {
  return `tvly-guard: ${plural(summary.files, "file")}, ${formatBytes(summary.bytes)}, ${plural(findings, "finding")}`;
}
