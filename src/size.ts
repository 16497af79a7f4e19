// Sizes as people write them (--max-file-size, the config's maxFileSize), and
// the one rule for a usable size limit.
import { UsageError } from "./errors.js";
import { MAX_READ_SIZE } from "./fs/open-file.js";

const SIZE_UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/**
 * Why `bytes` is not a usable size limit, or undefined: the flag and the
 * config's maxFileSize share this rule (above 0, and no more than a file
 * tvly-guard can hold in memory).
 */
export function sizeLimitProblem(bytes: number): string | undefined {
  if (!Number.isInteger(bytes) || bytes <= 0) return "must be above 0";
  if (bytes > MAX_READ_SIZE)
    return `must be at most ${MAX_READ_SIZE} bytes (1GiB): larger files are not read into memory`;
  return undefined;
}

/** "10MiB", "512k", "1048576" -> bytes. */
export function parseSize(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? SIZE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined)
    throw new UsageError(`${flag} expects a size such as 10MiB, 512k or 1048576, not "${text}"`);
  return Math.floor(Number(m[1]) * unit);
}

/** A size limit from the command line: parseSize, then the rule the config's maxFileSize follows too. */
export function parseSizeLimit(text: string, flag: string): number {
  const bytes = parseSize(text, flag);
  const problem = sizeLimitProblem(bytes);
  if (problem) throw new UsageError(`${flag} ${problem}, not "${text}"`);
  return bytes;
}
