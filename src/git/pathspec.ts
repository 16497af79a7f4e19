// Paths handed to git as pathspecs: literal (no glob, no magic of the name's
// own), from the repository root, and in groups that fit one command line.
// https://git-scm.com/docs/gitglossary#Documentation/gitglossary.txt-aiddefpathspecapathspec

/**
 * Pathspec bytes per git call: far under Linux's argument limit (2 MiB with
 * the environment), and under the 32,767 characters of a Windows command line.
 */
const PATHSPEC_BUDGET = process.platform === "win32" ? 24_000 : 256_000;

/** `src/a.ts` -> `:(top,literal)src/a.ts`: that exact path, wherever git runs. */
export const literalPathspec = (path: string): string => `:(top,literal)${path}`;

/** `paths` as literal pathspecs, in groups that each fit one command line. */
export function* literalPathspecBatches(paths: readonly string[]): Generator<string[]> {
  let batch: string[] = [];
  let bytes = 0;
  for (const path of paths) {
    const spec = literalPathspec(path);
    if (batch.length > 0 && bytes + spec.length > PATHSPEC_BUDGET) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(spec);
    bytes += spec.length + 1;
  }
  if (batch.length > 0) yield batch;
}
