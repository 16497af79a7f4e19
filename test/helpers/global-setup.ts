// Once per test run: the CLIs the tests start keep their code cache (src/code-cache.ts) in a
// folder of this run's own, never in the developer's ~/.cache, which a run would otherwise fill
// and prune (at most 16 files) under the feet of the tvly-guard the developer uses.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const cacheHome = mkdtempSync(join(tmpdir(), "tvly-guard-test-cache-"));
  process.env.XDG_CACHE_HOME = cacheHome;
  return () => rmSync(cacheHome, { recursive: true, force: true });
}
