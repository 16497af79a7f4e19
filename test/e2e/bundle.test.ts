// The shipped CLI is one CommonJS bundle (scripts/bundle.mjs). A clean `staged`
// run, the one every commit pays for, must evaluate only the modules it uses:
// a build of the same config that records each module as it is evaluated, and
// Node's own list of the built-ins it loaded, run in a real repository.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { bundle } from "../../scripts/bundle.mjs";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { layOutPackage } from "../helpers/package.js";

const keys = fakeKeys(1313);

interface Trace {
  modules: string[];
  builtins: string[];
}

/** An installed package whose bin/tvly-guard.cjs is the tracing build. */
async function tracingInstall(): Promise<string> {
  const dir = tempDir("tvly-guard-trace-");
  const cli = layOutPackage(dir);
  for (const file of (await bundle(join(dir, "bin"), { traceModules: true })) as {
    path: string;
    contents: Uint8Array;
  }[])
    writeFileSync(file.path, file.contents);
  return cli;
}

function traced(cli: string, args: string[], cwd: string): Trace & { code: number | null } {
  const file = join(tempDir(), "trace.json");
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", TVLY_GUARD_TRACE_FILE: file },
  });
  return { code: r.status, ...(JSON.parse(readFileSync(file, "utf8")) as Trace) };
}

/** A repository with a 20-file change staged, as in `npm run bench`. */
function stagedRepo(extra: Record<string, string> = {}): string {
  const body = (i: number, v: number) =>
    Array.from({ length: 50 }, (_, l) => `export const value${l} = ${i * 100 + l + v};`).join("\n");
  const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`src/f${i}.ts`, body(i, 0)]));
  const repo = gitRepo(files);
  writeFiles(repo, { ...Object.fromEntries(Object.keys(files).map((f, i) => [f, body(i, 1)])), ...extra });
  git(repo, ["add", "-A"]);
  return repo;
}

/** What a clean pre-commit run has no use for. */
const UNUSED_MODULES = [
  /^src\/(triage|verify|fix|install|action)\//,
  /^src\/report\/(sarif|github|json|text|remediation)\.ts$/,
  /^src\/sources\/(files|history|range)\.ts$/,
  /^src\/fs\/walk\.ts$/,
  /^src\/commands\/(scan|diff|history|fix|install|uninstall)\.ts$/,
  /^node_modules\/ignore\//,
];
/** Node built-ins it has no use for: hashing, the regex-engine flag, HTTP, and the ESM loader (an import() left in). */
const UNUSED_BUILTINS = [
  /^NativeModule (crypto|v8|https?|zlib)$/,
  /^NativeModule internal\/modules\/esm\/(translators|module_job|load)$/,
];

describe("the bundle", () => {
  it("a clean staged run evaluates none of the modules it does not use", async () => {
    const cli = await tracingInstall();
    const clean = traced(cli, ["staged"], stagedRepo());
    expect(clean.code).toBe(0);
    expect(clean.modules).toContain("src/commands/staged.ts");
    expect(clean.modules).toContain("src/engine/detect.ts");
    expect(clean.modules.filter((m) => UNUSED_MODULES.some((re) => re.test(m)))).toEqual([]);
    expect(clean.builtins.filter((m) => UNUSED_BUILTINS.some((re) => re.test(m)))).toEqual([]);
  });

  it("the trace sees what a run does load: a key loads the text report and hashing, scan loads the file walker, allowlist paths the ignore package", async () => {
    const cli = await tracingInstall();
    const leak = traced(cli, ["staged"], stagedRepo({ "src/key.ts": `export const k = "${keys.next()}";\n` }));
    expect(leak.code).toBe(1);
    expect(leak.modules).toContain("src/report/text.ts");
    expect(leak.modules).toContain("src/report/remediation.ts");
    expect(leak.builtins).toContain("NativeModule crypto");
    const repo = gitRepo();
    commitFiles(repo, { "a.txt": "hello\n" }, "one");
    const scan = traced(cli, ["scan", "."], repo);
    expect(scan.code).toBe(0);
    expect(scan.modules).toContain("src/fs/walk.ts");
    // The ignore package, from its own file beside the bundle (vendor-ignore.cjs), once a config lists paths.
    expect(scan.modules.some((m) => m.startsWith("node_modules/ignore/"))).toBe(false);
    commitFiles(repo, { ".tvly-guard.json": JSON.stringify({ allowlist: { paths: ["fixtures/"] } }) }, "config");
    const withPaths = traced(cli, ["scan", "."], repo);
    expect(withPaths.code).toBe(0);
    expect(withPaths.modules.some((m) => m.startsWith("node_modules/ignore/"))).toBe(true);
  });
});
