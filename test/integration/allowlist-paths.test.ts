// allowlist.paths has .gitignore semantics, and git itself is the oracle: for
// each case the same lines go into .git/info/exclude and `git check-ignore`
// says which of the files are excluded; the config's matcher must agree on
// every file. The file list is the same for every case, so each case also
// shows what its lines must NOT match.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePathGlobs } from "../../src/config/load.js";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, GIT_ENV, gitRepo, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const FILES = [
  "app.env",
  ".env",
  ".env.example",
  "README.md",
  "Secret.txt",
  "secret.txt",
  "keep.snap",
  "a.snap",
  "a.txt",
  "b.txt",
  "ab.txt",
  "!important.txt",
  "#hash.txt",
  "trail.txt",
  "build/out.js",
  "src/build/gen.js",
  "src/app.ts",
  "src/fixtures/deep.env",
  "fixtures/a.env",
  "fixtures/keep.env",
  "fixtures/sub/b.env",
  "fixtures.env",
  "docs/a.md",
  "docs/sub/b.md",
  "x/docs/c.md",
  "a/b",
  "a/x/b",
  "a/x/y/b",
  "node_modules/pkg/index.js",
  "node_modules/keep/index.js",
  "test/data/one.json",
  "test/data/deep/two.json",
  "test/three.json",
  "foo/bar.txt",
  "foo/sub/baz.txt",
  "with space/file name.txt",
];

/** Cases: the lines of one allowlist.paths, named for what they exercise. */
const CASES: Record<string, string[]> = {
  "the issue's example: a directory, then a negation inside it (git cannot re-include below an excluded directory)": [
    "fixtures/",
    "!fixtures/keep.env",
  ],
  "negation that works: the directory's contents, then one file back": ["fixtures/*", "!fixtures/keep.env"],
  "a bare directory name matches it at any depth, and the files inside": ["fixtures"],
  "a trailing slash matches directories only, at any depth": ["build/"],
  "a leading slash anchors at the root": ["/build"],
  "a slash in the middle anchors too, and * stops at a slash": ["docs/*.md"],
  "leading **/ matches at any depth": ["**/docs/*.md"],
  "a/**/b spans zero or more directories": ["a/**/b"],
  "trailing /** is everything inside": ["foo/**"],
  "** inside a path": ["test/**/*.json"],
  "a name glob, then a negated name": ["*.snap", "!keep.snap"],
  "dotfiles, with the example kept": [".env*", "!.env.example"],
  "case-sensitive, as git is on Linux": ["Secret.txt"],
  "character classes and ?": ["[ab].txt", "?b.txt"],
  "escaped ! and #, comments and blank lines": ["\\!important.txt", "\\#hash.txt", "# a comment", ""],
  "trailing spaces are ignored unless escaped": ["trail.txt   "],
  "a negation alone re-includes nothing": ["!*.md"],
  "everything but markdown": ["*", "!*.md", "!*/"],
  "a later line wins over an earlier one": ["!a.txt", "a.txt", "b.txt", "!b.txt"],
  "a re-included directory cannot bring back what its parent excluded": ["node_modules/", "!node_modules/keep/"],
  "names with spaces": ["with space/"],
  "directory name at any depth with a file pattern below it": ["**/fixtures/*.env"],
};

/** The files git excludes with `lines` in .git/info/exclude (--no-index: tracked or not). */
function gitExcludes(repo: string, lines: string[]): string[] {
  writeFileSync(join(repo, ".git", "info", "exclude"), `${lines.join("\n")}\n`);
  const r = spawnSync("git", ["check-ignore", "--no-index", "--stdin", "-z"], {
    cwd: repo,
    input: `${FILES.join("\0")}\0`,
    env: { ...process.env, ...GIT_ENV },
    encoding: "utf8",
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`git check-ignore failed: ${r.stderr}`);
  return r.stdout.split("\0").filter(Boolean).sort();
}

/** A repository holding every file of FILES (real directories, so git knows which names are directories). */
function filesRepo(): string {
  const repo = gitRepo();
  writeFiles(repo, Object.fromEntries(FILES.map((f) => [f, "x\n"])));
  return repo;
}

describe("allowlist.paths agrees with git check-ignore", () => {
  it.each(Object.entries(CASES))("%s", (_, lines) => {
    const repo = filesRepo();
    const allows = compilePathGlobs(lines);
    const expected = gitExcludes(repo, lines);
    expect(FILES.filter(allows).sort()).toEqual(expected);
  });

  it("the table exercises both sides: every case excludes something and keeps something", () => {
    const repo = filesRepo();
    for (const lines of Object.values(CASES)) {
      const excluded = gitExcludes(repo, lines);
      if (lines.join() === "!*.md") expect(excluded).toEqual([]);
      else expect(excluded.length).toBeGreaterThan(0);
      expect(excluded.length).toBeLessThan(FILES.length);
    }
  });
});

describe("allowlist.paths in a real scan", () => {
  it("reports the re-included file and the rest of the repository, not the allowlisted fixtures", () => {
    const keys = fakeKeys(7171);
    const repo = gitRepo();
    commitFiles(
      repo,
      {
        ".tvly-guard.json": JSON.stringify({ allowlist: { paths: ["fixtures/*", "!fixtures/keep.env"] } }),
        "fixtures/a.env": `K=${keys.next()}\n`,
        "fixtures/keep.env": `K=${keys.next()}\n`,
        "src/app.env": `K=${keys.next()}\n`,
      },
      "keys",
    );
    const scan = runCli(["scan", "--format", "json"], { cwd: repo });
    expect(scan.code).toBe(1);
    expect(JSON.parse(scan.stdout).findings.map((f: { file: string }) => f.file)).toEqual([
      "fixtures/keep.env",
      "src/app.env",
    ]);
    const history = runCli(["history", "--format", "json"], { cwd: repo });
    expect(JSON.parse(history.stdout).findings.map((f: { file: string }) => f.file)).toEqual([
      "fixtures/keep.env",
      "src/app.env",
    ]);
  });
});
