// `staged` on a large change narrows it (files whose staged blob holds no
// keyword, plain or encoded, are not diffed; the blob is read from the work
// tree when the copy there hashes to its id, else by git grep): the narrowed run must
// report exactly what reading the one patch whole reports. Each case builds a
// repository from a seed, stages a change, and runs the built CLI both ways
// (TVLY_GUARD_STAGED_NARROW: "off" reads the one patch, "0" narrows at once).
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys, seededRandom } from "../helpers/fake-key.js";
import { commitFiles, GIT_ENV, git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { ACME_RULE } from "../helpers/rules.js";
import { runCli } from "../helpers/run-cli.js";

interface Report {
  scanned: { files: number; ruledOut?: number };
  warnings: string[];
  findings: {
    ruleId: string;
    file: string;
    line: number;
    column: number;
    secret: string;
    encoding?: string;
    offset?: number;
  }[];
}

function staged(dir: string, narrow: string, env: Record<string, string> = {}) {
  const r = runCli(["staged", "--format", "json"], {
    cwd: dir,
    env: { ...GIT_ENV, TVLY_GUARD_STAGED_NARROW: narrow, ...env },
  });
  expect(r.code, r.stderr).not.toBe(2);
  return { code: r.code, stderr: r.stderr, report: JSON.parse(r.stdout) as Report };
}

/** What must not differ between the two paths: exit code, findings (with places and encodings), warnings. */
function outcome(run: ReturnType<typeof staged>) {
  const findings = run.report.findings.map(
    (f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.secret} ${f.encoding ?? "plain"} ${f.offset ?? "-"}`,
  );
  return { code: run.code, findings: findings.sort(), warnings: run.report.warnings };
}

/** Run both ways and compare; returns the narrowed run. */
function compareBothWays(dir: string, env: Record<string, string> = {}) {
  const whole = staged(dir, "off", env);
  const narrowed = staged(dir, "0", env);
  expect(outcome(narrowed)).toEqual(outcome(whole));
  expect(whole.report.scanned.ruledOut).toBeUndefined();
  return { whole, narrowed };
}

const lines = (rand: () => number, n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `export const ${tag}_${i} = ${Math.floor(rand() * 1e6)}; // ${tag} line ${i}`);

const percentEncoded = (text: string) =>
  [...Buffer.from(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");

/**
 * A repository of text and binary files, committed (some with a key on a line
 * that stays), then a staged change of every kind but renames: edits, added
 * keys (plain, base64, percent, JSON-escaped, UTF-16 in a binary and after a
 * late NUL in a text file), new files, removed lines only, a mode change, a
 * new symlink, binaries with and without keys. Returns the planted places.
 */
function buildChange(seed: number) {
  const rand = seededRandom(seed);
  const keys = fakeKeys(seed);
  const dir = gitRepo();
  const files: Record<string, string[]> = {};
  for (let i = 0; i < 30; i++) files[`src/m${i % 4}/f${i}.ts`] = lines(rand, 20 + Math.floor(rand() * 40), `v${i}`);
  const committedKey = keys.next("tvly-dev-");
  files["src/m0/f0.ts"]![3] = `const old = "${committedKey}"; // committed: stays, never a finding`;
  const late = `${"x".repeat(9000)}\u0000 late NUL`; // git's binary test reads only the first 8,000 bytes
  const binary = (key?: string) =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from(key ?? "no key here", "utf16le")]);
  commitFiles(
    dir,
    {
      ...Object.fromEntries(Object.entries(files).map(([p, l]) => [p, `${l.join("\n")}\n`])),
      "assets/clean.bin": binary(),
      "assets/keyed.bin": binary(),
      "docs/late-nul.txt": `${late}\nfirst\n`,
      "tools/run.sh": "#!/bin/sh\necho run\n",
      "notes/shrink.md": "one\ntwo\nthree\n",
    },
    "base",
  );
  const planted: string[] = [];
  const paths = Object.keys(files);
  for (const [n, path] of paths.entries()) {
    const text = files[path]!;
    for (let l = 2; l < text.length; l += 3 + Math.floor(rand() * 5)) text[l] = `${text[l]} // edited`;
    if (n % 7 === 3) {
      const at = 1 + Math.floor(rand() * (text.length - 1));
      const kind = ["plain", "base64", "percent", "json-escape"][n % 4]!;
      const key = keys.next("tvly-");
      const value =
        kind === "base64"
          ? Buffer.from(`token=${key}`).toString("base64")
          : kind === "percent"
            ? percentEncoded(key)
            : kind === "json-escape"
              ? `\\u0074${key.slice(1)}`
              : key;
      text.splice(at, 0, `const planted = "${value}";`);
      planted.push(`${path}:${at + 1}`);
    }
  }
  writeFiles(dir, {
    ...Object.fromEntries(Object.entries(files).map(([p, l]) => [p, `${l.join("\n")}\n`])),
    "src/new/added.ts": `export const fresh = "${keys.next("tvly-prod-")}";\n`,
    "src/new/plain.ts": "export const nothing = 1;\n",
    "assets/keyed.bin": binary(keys.next()),
    "assets/clean.bin": binary("still no key, but changed"),
    "docs/late-nul.txt": `${late}\nfirst\n${Buffer.from(keys.next(), "utf16le").toString("latin1")}\n`,
    "notes/shrink.md": "one\nthree\n",
  });
  chmodSync(join(dir, "tools/run.sh"), 0o755);
  symlinkSync("src/m1/f1.ts", join(dir, "link-to-f1"));
  git(dir, ["add", "-A"]);
  return { dir, planted, committedKey };
}

describe("staged narrowed by git grep reports what the whole patch reports", () => {
  for (const seed of [11, 12, 13]) {
    it(`edits, new files, encoded keys, binaries, a late NUL, a mode change, a symlink (seed ${seed})`, () => {
      const { dir, planted } = buildChange(seed);
      const { whole, narrowed } = compareBothWays(dir);
      expect(whole.code).toBe(1);
      const places = new Set(whole.report.findings.map((f) => `${f.file}:${f.line}`));
      for (const place of planted) expect(places, place).toContain(place);
      expect(places).toContain("src/new/added.ts:1");
      expect(whole.report.findings.map((f) => f.file)).toContain("assets/keyed.bin");
      expect(whole.report.findings.some((f) => f.file === "src/m0/f0.ts" && f.line === 4)).toBe(false);
      // It did narrow: most edited files held no hint, and the engine read fewer files.
      expect(narrowed.report.scanned.ruledOut).toBeGreaterThan(10);
      expect(narrowed.report.scanned.files).toBeLessThan(whole.report.scanned.files);
      expect(narrowed.stderr).toMatch(/more files? with no keyword in them/);
    });
  }

  it("a change that deletes files without adding any is narrowed too", () => {
    const { dir } = buildChange(21);
    git(dir, ["reset", "-q", "--hard"]);
    git(dir, ["rm", "-q", "src/m2/f2.ts", "notes/shrink.md"]);
    const keys = fakeKeys(2121);
    writeFiles(dir, { "src/m3/f3.ts": `export const k = "${keys.next()}";\n` });
    for (let i = 4; i < 30; i += 4) writeFiles(dir, { [`src/m${i % 4}/f${i}.ts`]: `export const edited${i} = 1;\n` });
    git(dir, ["add", "-A"]);
    const { whole, narrowed } = compareBothWays(dir);
    expect(whole.report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["src/m3/f3.ts:1"]);
    expect(narrowed.report.scanned.ruledOut).toBeGreaterThan(0);
  });

  it("files added and others deleted, which git does not pair as renames, are narrowed", () => {
    const { dir } = buildChange(22);
    git(dir, ["reset", "-q", "--hard"]);
    git(dir, ["rm", "-q", "src/m2/f2.ts", "src/m3/f7.ts", "notes/shrink.md"]);
    const keys = fakeKeys(2222);
    writeFiles(dir, {
      "fresh/one.ts": `export const k = "${keys.next()}";\n`,
      "fresh/two.md": "nothing like any file that went\n",
      "src/m1/f5.ts": "export const edited = 1;\n",
    });
    git(dir, ["add", "-A"]);
    const { whole, narrowed } = compareBothWays(dir);
    expect(whole.report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["fresh/one.ts:1"]);
    expect(narrowed.report.scanned.ruledOut).toBe(2);
  });

  it("from a subfolder, git grep still reads the whole change", () => {
    const { dir, planted } = buildChange(14);
    const { whole, narrowed } = compareBothWays(join(dir, "src", "m1"));
    const places = new Set(whole.report.findings.map((f) => `${f.file}:${f.line}`));
    for (const place of planted) expect(places, place).toContain(place);
    // Files outside the subfolder were ruled out too, not left to the diff.
    expect(narrowed.report.scanned.ruledOut).toBe(staged(dir, "0").report.scanned.ruledOut);
  });

  it("leaves nothing behind: git grep's own index is removed, and the repository gains no file", () => {
    const { dir } = buildChange(15);
    git(dir, ["config", "core.splitIndex", "true"]); // would write shared index files beside the real one
    git(dir, ["update-index", "--split-index"]);
    const tmp = tempDir();
    const before = readdirSync(join(dir, ".git")).sort();
    const { narrowed } = compareBothWays(dir, { TMPDIR: tmp });
    expect(narrowed.report.scanned.ruledOut).toBeGreaterThan(10);
    expect(readdirSync(tmp)).toEqual([]);
    expect(readdirSync(join(dir, ".git")).sort()).toEqual(before);
  });

  it("renames (with and without edits, one holding a key it already had) are left to the one patch", () => {
    const keys = fakeKeys(31);
    const old = keys.next();
    const body = (tag: string) => Array.from({ length: 30 }, (_, i) => `line ${i} of ${tag}`).join("\n");
    const dir = gitRepo({
      "a/only-renamed.ts": `${body("a")}\nconst k = "${old}";\n`,
      "a/renamed-edited.ts": `${body("b")}\n`,
      "a/kept.ts": `${body("c")}\n`,
    });
    mkdirSync(join(dir, "b"));
    git(dir, ["mv", "a/only-renamed.ts", "b/only-renamed.ts"]);
    git(dir, ["mv", "a/renamed-edited.ts", "b/renamed-edited.ts"]);
    const added = keys.next("tvly-dev-");
    writeFiles(dir, {
      "b/renamed-edited.ts": `${body("b")}\nconst fresh = "${added}";\n`,
      "a/kept.ts": `${body("c")}\nedited\n`,
    });
    git(dir, ["add", "-A"]);
    const { whole, narrowed } = compareBothWays(dir);
    expect(whole.report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["b/renamed-edited.ts:31"]);
    expect(narrowed.report.scanned.ruledOut).toBeUndefined(); // renames: not narrowed
  });

  it("an unresolved conflict is left to the one patch, with its warning", () => {
    const dir = gitRepo({ "c.txt": "base\n", "d.txt": "one\n" });
    git(dir, ["checkout", "-q", "-b", "side"]);
    commitFiles(dir, { "c.txt": "side\n" }, "side");
    git(dir, ["checkout", "-q", "main"]);
    commitFiles(dir, { "c.txt": "main\n" }, "main");
    try {
      git(dir, ["cherry-pick", "side"]);
    } catch {
      // the conflict is the point
    }
    writeFiles(dir, { "d.txt": "two\n" });
    git(dir, ["add", "d.txt"]);
    const { whole, narrowed } = compareBothWays(dir);
    expect(whole.report.warnings.join("\n")).toContain("c.txt");
    expect(narrowed.report.scanned.ruledOut).toBeUndefined();
  });

  it("an extra rule's keyword counts as a hint: its key is not ruled out", () => {
    const keys = fakeKeys(41);
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.txt`, `file ${i}\n`]));
    const dir = gitRepo({ ...files, ".tvly-guard.json": JSON.stringify({ rules: [ACME_RULE] }) });
    writeFiles(dir, Object.fromEntries(Object.keys(files).map((p) => [p, `${files[p]}edited\n`])));
    writeFiles(dir, { "f5.txt": `file 5\nACME=acme_${keys.body(24)}\n` });
    git(dir, ["add", "-A"]);
    const { whole, narrowed } = compareBothWays(dir);
    expect(whole.report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(["acme-token f5.txt:2"]);
    expect(narrowed.report.scanned.ruledOut).toBe(11);
  });

  it("narrows by itself on a change of hundreds of files, and reports the same", () => {
    const keys = fakeKeys(51);
    const files = Object.fromEntries(
      Array.from({ length: 320 }, (_, i) => [`d${i % 8}/f${i}.txt`, `${i}\nsecond line\n`]),
    );
    const dir = gitRepo(files);
    writeFiles(dir, Object.fromEntries(Object.keys(files).map((p) => [p, `${files[p]}edited\n`])));
    writeFiles(dir, { "d7/f295.txt": `295\nsecond line\nkey = ${keys.next()}\n` });
    git(dir, ["add", "-A"]);
    const whole = staged(dir, "off");
    const auto = staged(dir, "");
    expect(outcome(auto)).toEqual(outcome(whole));
    expect(whole.report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["d7/f295.txt:3"]);
    expect(auto.report.scanned.ruledOut).toBeGreaterThan(150);
    expect(auto.report.scanned.files + auto.report.scanned.ruledOut!).toBe(320);
  });

  it("a name that is not UTF-8 is left to the one patch", () => {
    const dir = gitRepo({ "a.txt": "a\n", "b.txt": "b\n" });
    writeFiles(dir, { "a.txt": "a2\n", "b.txt": "b2\n" });
    // "n\xe9.txt": Latin-1, not UTF-8 (no pathspec written from its UTF-8 reading would name it)
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x6e, 0xe9, 0x2e, 0x74, 0x78, 0x74])]), "odd\n");
    git(dir, ["add", "-A"]);
    const { narrowed } = compareBothWays(dir);
    expect(narrowed.report.scanned.ruledOut).toBeUndefined();
  });

  it("a partial clone is left to the one patch", () => {
    const keys = fakeKeys(61);
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}.txt`, `file ${i}\n`]));
    const origin = gitRepo(files);
    commitFiles(origin, { "old.txt": "a blob the clone never fetches\n" }, "second");
    git(origin, ["rm", "-q", "old.txt"]);
    git(origin, ["commit", "-q", "-m", "third"]);
    git(origin, ["config", "uploadpack.allowFilter", "true"]);
    const clone = join(tempDir(), "clone");
    git(tempDir(), ["clone", "-q", "--filter=blob:none", `file://${origin}`, clone]); // HEAD's blobs fetched by the checkout
    git(clone, ["config", "gc.auto", "0"]);
    writeFiles(clone, Object.fromEntries(Object.keys(files).map((p) => [p, `${files[p]}edited\n`])));
    writeFiles(clone, { "f3.txt": `file 3\nk=${keys.next()}\n` });
    git(clone, ["add", "-A"]);
    const { whole, narrowed } = compareBothWays(clone);
    expect(whole.report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["f3.txt:2"]);
    expect(narrowed.report.scanned.ruledOut).toBeUndefined();
  });
});

/** A git on PATH that fails `git grep` and is the real git otherwise. */
function gitWithoutGrep(): string {
  const shim = tempDir();
  const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  writeFileSync(
    join(shim, "git"),
    `#!/bin/sh\nfor a in "$@"; do [ "$a" = grep ] && { echo "fatal: no grep here" >&2; exit 128; }; done\nexec ${realGit} "$@"\n`,
  );
  chmodSync(join(shim, "git"), 0o755);
  return `${shim}:${process.env.PATH}`;
}

describe("staged narrowed from the work tree reads only copies that are the staged blob", () => {
  it("rules files out from their work-tree copies, with no git grep at all", () => {
    const { dir, planted } = buildChange(71);
    const { whole, narrowed } = compareBothWays(dir, { PATH: gitWithoutGrep() });
    const places = new Set(whole.report.findings.map((f) => `${f.file}:${f.line}`));
    for (const place of planted) expect(places, place).toContain(place);
    expect(narrowed.report.scanned.ruledOut).toBe(staged(dir, "0").report.scanned.ruledOut);
    expect(narrowed.report.scanned.ruledOut).toBeGreaterThan(10);
  });

  it("a copy changed since it was staged, gone, a FIFO, a symlink or converted is not read: the staged blob is what counts", () => {
    const { dir, planted } = buildChange(72);
    const keys = fakeKeys(7272);
    // Staged with a key, which the work tree no longer has: the commit still carries it.
    writeFiles(dir, { "src/m1/f9.ts": `const staged = "${keys.next()}";\n` });
    git(dir, ["add", "src/m1/f9.ts"]);
    writeFiles(dir, { "src/m1/f9.ts": "const staged = process.env.TAVILY_API_KEY;\n" });
    // Staged clean, then a key written into the work tree only: not in the commit, not a finding.
    writeFiles(dir, { "src/m2/f6.ts": `const later = "${keys.next()}";\n` });
    rmSync(join(dir, "src/m2/f14.ts"));
    rmSync(join(dir, "src/m2/f18.ts"));
    execFileSync("mkfifo", [join(dir, "src/m2/f18.ts")]); // reading it would wait forever
    rmSync(join(dir, "src/m3/f11.ts"));
    symlinkSync("f15.ts", join(dir, "src/m3/f11.ts"));
    // What core.autocrlf's work tree holds: the blob's text, but not its bytes.
    writeFiles(dir, { "src/m3/f19.ts": git(dir, ["show", ":src/m3/f19.ts"]).replace(/\n/g, "\r\n") });
    for (const env of [{}, { PATH: gitWithoutGrep() }]) {
      const { whole, narrowed } = compareBothWays(dir, env);
      const places = whole.report.findings.map((f) => `${f.file}:${f.line}`);
      for (const place of planted) expect(places, place).toContain(place);
      expect(places).toContain("src/m1/f9.ts:1");
      expect(places.some((p) => p.startsWith("src/m2/f6.ts"))).toBe(false);
      expect(narrowed.report.scanned.ruledOut).toBeGreaterThan(10);
    }
  });
});
