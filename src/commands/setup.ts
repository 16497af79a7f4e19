// The flags every scanning command shares, read into ScanFlags for the
// pipeline (src/scan/); commands differ only in their source.

import { UsageError } from "../errors.js";
import type { Io } from "../io.js";
import { checkFormat, FORMATS } from "../report/index.js";
import { createScanSetup, type PrepareOptions, type ScanFlags, type ScanSetup } from "../scan/setup.js";
import { parseSizeLimit } from "../size.js";
import { DEFAULT_MAX_FILE_SIZE } from "../sources/chunk.js";
import { booleanOption, type OptionSpec, type ParsedArgs, stringListOption, stringOption } from "./args.js";

/** Options every scanning command takes. */
export const SCAN_OPTIONS: readonly OptionSpec[] = [
  {
    name: "format",
    type: "string",
    short: "f",
    value: "FORMAT",
    description: `report format: ${FORMATS.join(", ")} (default text)`,
  },
  {
    name: "output",
    type: "string",
    short: "o",
    value: "FILE",
    description: "write the report to FILE instead of stdout",
  },
  {
    name: "report",
    type: "string",
    multiple: true,
    value: "FORMAT:FILE",
    description: "also write a FORMAT report to FILE, from the same scan (repeatable: --report sarif:out.sarif)",
  },
  { name: "no-redact", type: "boolean", description: "show whole keys in the report (they are redacted by default)" },
  { name: "no-color", type: "boolean", description: "no colours (NO_COLOR and FORCE_COLOR are honoured too)" },
  {
    name: "config",
    type: "string",
    value: "FILE",
    description: "config file (default: .tvly-guard.json at the repository root)",
  },
  {
    name: "baseline",
    type: "string",
    value: "FILE",
    description: "do not report findings recorded in FILE (see --write-baseline)",
  },
  {
    name: "write-baseline",
    type: "string",
    value: "FILE",
    description: "record the current findings in FILE and exit 0 (still prints the report)",
  },
  {
    name: "verify",
    type: "boolean",
    description: "ask Tavily whether each key found is live (sends each key once, over HTTPS, to the rule's endpoint)",
  },
];

/** `--max-file-size`, for the commands that read whole files or blobs (`what` names them in --help). */
export function maxFileSizeOption(what: string): OptionSpec {
  return {
    name: "max-file-size",
    type: "string",
    value: "SIZE",
    description: `skip ${what} larger than SIZE (default: the config's maxFileSize, else 10MiB)`,
  };
}

/** The size limit: --max-file-size, else the config's maxFileSize, else 10 MiB. */
export function readMaxFileSize(args: ParsedArgs, setup: ScanSetup): number {
  const text = stringOption(args, "max-file-size");
  return text === undefined ? (setup.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) : parseSizeLimit(text, "--max-file-size");
}

/** `sarif:out/results.sarif` -> format and file; the first colon splits, so `C:\x` stays a file. */
export function parseReportTarget(text: string): { format: string; file: string } {
  const at = text.indexOf(":");
  const format = at < 0 ? "" : text.slice(0, at);
  const file = at < 0 ? "" : text.slice(at + 1);
  if (!format || !file)
    throw new UsageError(`--report expects FORMAT:FILE (for example sarif:results.sarif), not "${text}"`);
  checkFormat(format, "--report");
  return { format, file };
}

/** The shared flags of `args`. */
export function readScanFlags(args: ParsedArgs): ScanFlags {
  return {
    format: stringOption(args, "format"),
    output: stringOption(args, "output"),
    reports: stringListOption(args, "report").map(parseReportTarget),
    noRedact: booleanOption(args, "no-redact"),
    verbose: booleanOption(args, "verbose"),
    noColor: booleanOption(args, "no-color"),
    config: stringOption(args, "config"),
    baseline: stringOption(args, "baseline"),
    writeBaseline: stringOption(args, "write-baseline"),
    verify: booleanOption(args, "verify"),
  };
}

/** Read the shared flags and set the scan up; bad values fail here, before any scanning. */
export function prepareScan(args: ParsedArgs, io: Io, options: PrepareOptions = {}): Promise<ScanSetup> {
  return createScanSetup(readScanFlags(args), io, options);
}
