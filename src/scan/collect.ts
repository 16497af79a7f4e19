// source -> engine -> hits -> findings: the loop every scanning command runs.
// The engine is built once here (engineFor) and is the only way a source's
// bytes reach detectSecrets. The config allowlists and the baseline are
// applied as findings arrive, so a place holding many keys is kept in detail
// only up to DETAIL_PER_PLACE findings and counted beyond: memory stays
// bounded however many keys one file holds, and every one is still counted.
import { detectSecrets } from "../engine/detect.js";
import { detectInPieces } from "../engine/pieces.js";
import { compareFindings, type Finding, placeOf, toFinding } from "../report/finding.js";
import { formatBytes, plural } from "../report/summary.js";
import type { Chunk, ScanSummary } from "../sources/chunk.js";
import type { Engine, Hit, Source } from "../sources/source.js";
import type { ScanSetup } from "./setup.js";
import { inBaseline, keepByConfig } from "./steps.js";

/** Findings one place (a file, a message, a blob) keeps in detail; more are counted, not listed. */
export const DETAIL_PER_PLACE = 1000;

/** What a scan found, after the config allowlists and the baseline. */
export interface Collected {
  /** The findings to report, in report order: at most DETAIL_PER_PLACE per place. */
  findings: Finding[];
  /** Every finding the config does not allow, baselined ones included: only when --write-baseline asks. */
  allowed: Finding[] | undefined;
  /** Findings the config allowlisted (paths, commits) and the baseline held back. */
  heldByConfig: number;
  heldByBaseline: number;
  /** Every reported finding, listed or not: places, and distinct keys. */
  places: number;
  keys: number;
  /** Places that held more than DETAIL_PER_PLACE findings: how many were counted but not listed. */
  unlisted: Map<string, number>;
}

/** The engine with this scan's rules. */
export function engineFor(setup: ScanSetup): Engine {
  // Internal switch for bench/decoders.mjs: the plain pass alone, to measure what the decoders cost.
  const options = { decode: !setup.io.env.TVLY_GUARD_NO_DECODE, heldBack: setup.suppressed };
  return {
    rules: setup.rules,
    heldBack: setup.suppressed,
    detect: (chunk: Chunk) => detectSecrets(chunk, setup.rules, options),
    detectEach: (chunk: Chunk) => detectInPieces(chunk, setup.rules, options),
  };
}

/** Every hit of `source`, filtered and counted as it comes, then the findings kept in report order. */
export async function collectFindings(source: Source, setup: ScanSetup, summary: ScanSummary): Promise<Collected> {
  const engine = engineFor(setup);
  const collected: Collected = {
    findings: [],
    allowed: setup.baseline.writeAbs === undefined ? undefined : [],
    heldByConfig: 0,
    heldByBaseline: 0,
    places: 0,
    keys: 0,
    unlisted: new Map(),
  };
  const add = adder(setup, collected);
  if ("search" in source) for (const hit of await source.search(engine, summary, setup.progress)) add(hit);
  if ("chunks" in source) {
    for await (const chunk of source.chunks(summary)) {
      for (const matches of engine.detectEach(chunk)) for (const match of matches) add({ match, chunk });
      setup.progress.update(() => progressLine(summary, collected.places));
    }
    setup.progress.done();
  }
  collected.findings.sort(compareFindings);
  return collected;
}

/** The step each hit goes through: a finding, the config, the baseline, then kept in detail or counted. */
function adder(setup: ScanSetup, into: Collected): (hit: Hit) => void {
  const perPlace = new Map<string, number>();
  // Distinct keys by the first 48 bits of their fingerprint: a number per key, not a 64-character string.
  const keys = new Set<number>();
  return (hit) => {
    const finding = findingOf(hit, setup);
    if (!keepByConfig(setup, finding)) {
      into.heldByConfig++;
      return;
    }
    into.allowed?.push(finding);
    if (inBaseline(setup, finding)) {
      into.heldByBaseline++;
      return;
    }
    into.places++;
    keys.add(Number.parseInt(finding.fingerprint.slice(0, 12), 16));
    into.keys = keys.size;
    const place = placeOf(finding);
    const seen = perPlace.get(place) ?? 0;
    perPlace.set(place, seen + 1);
    if (seen < DETAIL_PER_PLACE) into.findings.push(finding);
    else into.unlisted.set(place, (into.unlisted.get(place) ?? 0) + 1);
  };
}

function findingOf({ match, chunk, inHead }: Hit, setup: ScanSetup): Finding {
  const finding = toFinding(match, chunk, { showSecret: setup.showSecret });
  return inHead === undefined ? finding : Object.assign(finding, { inHead });
}

function progressLine(summary: ScanSummary, findings: number): string {
  return `tvly-guard: ${plural(summary.files, "file")}, ${formatBytes(summary.bytes)}, ${plural(findings, "finding")}`;
}
