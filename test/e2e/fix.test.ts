import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { commitFiles, type FileMap, git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(6006);
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

/** What the next commit would add, checked by tvly-guard itself: `staged` once it exists, else the staged diff through `scan -`. */
function checkStaged(repo: string) {
  git(repo, ["add", "-A"]);
  if ("staged" in COMMANDS) return runCli(["staged"], { cwd: repo });
  return runCli(["scan", "-"], { cwd: repo, input: git(repo, ["diff", "--cached", "--no-color"]) });
}

/** Run a program with the .env values exported, as a user would. */
function runWithEnv(repo: string, cmd: string, args: string[]): string {
  const env = Object.fromEntries(
    read(repo, ".env")
      .trim()
      .split("\n")
      .map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  return execFileSync(cmd, args, { cwd: repo, env: { PATH: process.env.PATH, ...env }, encoding: "utf8" });
}

function fixRepo(files: FileMap) {
  const repo = gitRepo({ "README.txt": "demo\n" });
  writeFiles(repo, files);
  const r = runCli(["fix"], { cwd: repo });
  return { repo, r };
}

describe("tvly-guard fix", () => {
  it("JavaScript: the literal becomes process.env.TAVILY_API_KEY and the program reads it", () => {
    const key = keys.next();
    const { repo, r } = fixRepo({ "src/app.js": `const key = "${key}";\nconsole.log(key);\n` });
    expect(r.code).toBe(0);
    expect(read(repo, "src/app.js")).toBe("const key = process.env.TAVILY_API_KEY;\nconsole.log(key);\n");
    expect(read(repo, ".env")).toBe(`TAVILY_API_KEY=${key}\n`);
    expect(read(repo, ".gitignore")).toBe(".env\n");
    expect(runWithEnv(repo, process.execPath, ["src/app.js"]).trim()).toBe(key);
    expect(checkStaged(repo).code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(key);
    expect(r.stdout).toMatch(/fixed +src\/app\.js:1 .*now process\.env\.TAVILY_API_KEY/);
  });

  it('TypeScript: a `process.env.X || "key"` fallback loses its fallback; a URL keeps its text around the lookup', () => {
    const key = keys.next("tvly-prod-");
    const { repo, r } = fixRepo({
      "src/client.ts": `export const key: string = process.env.TAVILY_API_KEY || "${key}";\nexport const url = \`https://mcp.tavily.com/mcp/?tavilyApiKey=${key}\`;\nexport const u2 = 'https://x/?k=${key}&a=1';\n`,
    });
    expect(r.code).toBe(0);
    expect(read(repo, "src/client.ts")).toBe(
      "export const key: string = process.env.TAVILY_API_KEY!;\nexport const url = `https://mcp.tavily.com/mcp/?tavilyApiKey=${process.env.TAVILY_API_KEY!}`;\nexport const u2 = 'https://x/?k=' + process.env.TAVILY_API_KEY! + '&a=1';\n",
    );
    expect(read(repo, ".env")).toBe(`TAVILY_API_KEY=${key}\n`); // one key, one line
    expect(checkStaged(repo).code).toBe(0);
    // Still compiles under strict: the non-null assertion keeps the literal's `string` type.
    const tsc = fileURLToPath(new URL("../../node_modules/.bin/tsc", import.meta.url));
    const typeRoots = fileURLToPath(new URL("../../node_modules/@types", import.meta.url));
    execFileSync(
      tsc,
      [
        "--noEmit",
        "--strict",
        "--types",
        "node",
        "--typeRoots",
        typeRoots,
        "--target",
        "es2022",
        "--module",
        "nodenext",
        "src/client.ts",
      ],
      { cwd: repo, stdio: "pipe" },
    );
  });

  it("Python: os.environ lookup, `import os` added after the docstring, and the program reads it", () => {
    const key = keys.next();
    const { repo, r } = fixRepo({
      "app.py": `"""Search demo."""\nfrom __future__ import annotations\n\nAPI_KEY = '${key}'\nprint(API_KEY)\n`,
    });
    expect(r.code).toBe(0);
    expect(read(repo, "app.py")).toBe(
      `"""Search demo."""\nfrom __future__ import annotations\nimport os\n\nAPI_KEY = os.environ["TAVILY_API_KEY"]\nprint(API_KEY)\n`,
    );
    expect(runWithEnv(repo, "python3", ["app.py"]).trim()).toBe(key);
    expect(checkStaged(repo).code).toBe(0);
  });

  it("Python: keeps an existing import and drops a getenv default", () => {
    const key = keys.next();
    const { repo } = fixRepo({
      "a.py": `import os, sys\nk = os.getenv("TAVILY_API_KEY", "${key}")\nc = TavilyClient(api_key=f"{k}-${key}")\n`,
    });
    expect(read(repo, "a.py")).toBe(
      `import os, sys\nk = os.getenv("TAVILY_API_KEY")\nc = TavilyClient(api_key=f"{k}-{os.environ['TAVILY_API_KEY']}")\n`,
    );
  });

  it("shell: quotes are respected and the script reads the variable", () => {
    const key = keys.next();
    const { repo, r } = fixRepo({
      "scripts/run.sh": `#!/bin/sh\nKEY='${key}'\necho "$KEY"\necho "k=${key}"\necho k=${key}\n`,
    });
    expect(r.code).toBe(0);
    expect(read(repo, "scripts/run.sh")).toBe(
      '#!/bin/sh\nKEY="${TAVILY_API_KEY}"\necho "$KEY"\necho "k=${TAVILY_API_KEY}"\necho k="${TAVILY_API_KEY}"\n',
    );
    expect(runWithEnv(repo, "sh", ["scripts/run.sh"])).toBe(`${key}\nk=${key}\nk=${key}\n`);
    expect(checkStaged(repo).code).toBe(0);
  });

  it("YAML: compose files get ${NAME}, GitHub workflows a repository secret", () => {
    const key = keys.next();
    const { repo, r } = fixRepo({
      "compose.yaml": `services:\n  app:\n    environment:\n      TAVILY_API_KEY: ${key}\n      URL: "https://x/?k=${key}"\n`,
      ".github/workflows/ci.yml": `env:\n  TAVILY_API_KEY: '${key}'\n`,
    });
    expect(read(repo, "compose.yaml")).toBe(
      'services:\n  app:\n    environment:\n      TAVILY_API_KEY: "${TAVILY_API_KEY}"\n      URL: "https://x/?k=${TAVILY_API_KEY}"\n',
    );
    expect(read(repo, ".github/workflows/ci.yml")).toBe("env:\n  TAVILY_API_KEY: '${{ secrets.TAVILY_API_KEY }}'\n");
    expect(r.code).toBe(1); // the repository secret is a step only the user can take
    expect(r.stdout).toMatch(/gh secret set TAVILY_API_KEY/);
    expect(checkStaged(repo).code).toBe(0);
  });

  it("Dockerfile: an ENV key leaves the image definition, an ARG keeps its name without a default", () => {
    const key = keys.next();
    const { repo, r } = fixRepo({
      Dockerfile: `FROM node:20\nENV TAVILY_API_KEY=${key}\nARG TAVILY_API_KEY="${key}"\nRUN curl -H "Authorization: Bearer ${key}" https://x\n`,
    });
    const out = read(repo, "Dockerfile");
    expect(out).toMatch(
      /^FROM node:20\n# TAVILY_API_KEY comes from the environment at run time: docker run --env-file \.env …\nARG TAVILY_API_KEY\nRUN curl/,
    );
    expect(out).toContain(key); // the RUN line is left for the user (a build secret)...
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/by hand +Dockerfile:4 .*RUN --mount=type=secret/);
    expect(read(repo, ".env")).toBe(`TAVILY_API_KEY=${key}\n`); // ...and the key is safe in .env either way
  });

  it(".env: the line stays, the file becomes git-ignored, and nothing is duplicated", () => {
    const key = keys.next();
    const { repo, r } = fixRepo({
      ".env": `DEBUG=1\nTAVILY_API_KEY=${key}\n`,
      "config/.env.local": `TAVILY_API_KEY="${key}"\n`,
    });
    expect(r.code).toBe(0);
    expect(read(repo, ".env")).toBe(`DEBUG=1\nTAVILY_API_KEY=${key}\n`);
    expect(read(repo, "config/.env.local")).toBe(`TAVILY_API_KEY="${key}"\n`);
    expect(read(repo, ".gitignore")).toBe(".env\n/config/.env.local\n");
    expect(r.stdout).toMatch(/kept +\.env:2/);
    expect(checkStaged(repo).code).toBe(0);
    // A second run has nothing left to do and changes nothing.
    const again = runCli(["fix"], { cwd: repo });
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toMatch(/no keys found/);
    expect(read(repo, ".gitignore")).toBe(".env\n/config/.env.local\n");
  });

  it("JSON: left in place and listed with an instruction; the key still lands in .env", () => {
    const key = keys.next();
    const json = `${JSON.stringify({ tavily: { apiKey: key } }, null, 2)}\n`;
    const { repo, r } = fixRepo({
      "config/settings.json": json,
      "notebook.ipynb": JSON.stringify({ cells: [{ source: [`k = "${key}"`] }] }),
    });
    expect(r.code).toBe(1);
    expect(read(repo, "config/settings.json")).toBe(json);
    expect(r.stdout).toMatch(/by hand +config\/settings\.json:3 .*JSON cannot read environment variables/);
    expect(r.stdout).toMatch(/by hand +notebook\.ipynb:1 .*notebook/);
    expect(read(repo, ".env")).toBe(`TAVILY_API_KEY=${key}\n`);
    expect(r.stdout).not.toContain(key);
  });

  it("lists a key it found encoded (base64 in a Kubernetes Secret) instead of rewriting bytes that are not the key", () => {
    const key = keys.next();
    const secret = `apiVersion: v1\nkind: Secret\ndata:\n  TAVILY_API_KEY: ${Buffer.from(key).toString("base64")}\n`;
    const { repo, r } = fixRepo({ "k8s/secret.yaml": secret });
    expect(r.code).toBe(1);
    expect(read(repo, "k8s/secret.yaml")).toBe(secret);
    expect(r.stdout).toMatch(/by hand +k8s\/secret\.yaml:4 .*encoded/);
    expect(read(repo, ".env")).toBe(`TAVILY_API_KEY=${key}\n`);
  });

  it("reuses the name .env already gives a key, and never overwrites another value", () => {
    const [known, other, extra] = [keys.next(), keys.next(), keys.next()];
    const { repo } = fixRepo({
      ".gitignore": "node_modules/\n.env\n",
      ".env": `TAVILY_API_KEY=${other}\nOLD=${known}\n`,
      "a.js": `f("${known}");\ng("${extra}");\n`,
    });
    expect(read(repo, "a.js")).toBe("f(process.env.OLD);\ng(process.env.TAVILY_API_KEY_2);\n");
    expect(read(repo, ".env")).toBe(`TAVILY_API_KEY=${other}\nOLD=${known}\nTAVILY_API_KEY_2=${extra}\n`);
    expect(read(repo, ".gitignore")).toBe("node_modules/\n.env\n");
  });

  it("--dry-run shows a redacted unified diff and writes nothing", () => {
    const key = keys.next();
    const repo = gitRepo({ "README.txt": "demo\n" });
    writeFiles(repo, { "app.js": `const k = "${key}";\n` });
    const r = runCli(["fix", "--dry-run"], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `--- a/app.js\n+++ b/app.js\n@@ -1,1 +1,1 @@\n-const k = "${redacted(key)}";\n+const k = process.env.TAVILY_API_KEY;\n`,
    );
    expect(r.stdout).toContain(`--- /dev/null\n+++ b/.env\n@@ -0,0 +1,1 @@\n+TAVILY_API_KEY=${redacted(key)}\n`);
    expect(r.stdout).toContain("+++ b/.gitignore\n@@ -0,0 +1,1 @@\n+.env\n");
    expect(r.stdout).not.toContain(key);
    expect(read(repo, "app.js")).toBe(`const k = "${key}";\n`);
    expect(existsSync(join(repo, ".env"))).toBe(false);
    expect(existsSync(join(repo, ".gitignore"))).toBe(false);
  });

  it("asks the user to untrack a committed .env instead of deleting anything", () => {
    const key = keys.next();
    const repo = gitRepo({ ".env": `TAVILY_API_KEY=${key}\n` });
    const r = runCli(["fix"], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\.env is tracked by git.*git rm --cached -- \.env/);
    expect(read(repo, ".env")).toBe(`TAVILY_API_KEY=${key}\n`);
    expect(git(repo, ["ls-files"]).trim()).toBe(".env");
  });

  it("refuses to write through a symlinked .env, before changing any file", () => {
    const key = keys.next();
    const outside = tempDir();
    writeFiles(outside, { "target.env": "X=1\n" });
    const repo = gitRepo({ "README.txt": "demo\n" });
    writeFiles(repo, { "app.js": `k = "${key}"\n` });
    symlinkSync(join(outside, "target.env"), join(repo, ".env"));
    const r = runCli(["fix"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tvly-guard: \.env is a symbolic link \(ELOOP: tvly-guard never follows them\)\n$/);
    expect(read(repo, "app.js")).toBe(`k = "${key}"\n`);
    expect(read(outside, "target.env")).toBe("X=1\n");
  });

  it("never writes to a file outside the repository, even when named", () => {
    const key = keys.next();
    const outside = tempDir();
    writeFiles(outside, { "a.js": `k = "${key}"\n` });
    const repo = gitRepo({ "README.txt": "demo\n" });
    const r = runCli(["fix", join(outside, "a.js")], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/by hand .*outside the repository: not changed/);
    expect(read(outside, "a.js")).toBe(`k = "${key}"\n`);
    expect(existsSync(join(repo, ".env"))).toBe(false);
  });

  it("works on the paths given, from a subdirectory, with paths relative to the repository", () => {
    const key = keys.next();
    const repo = gitRepo({ "README.txt": "demo\n" });
    writeFiles(repo, { "pkg/a.js": `x("${key}")\n`, "other/b.js": `y("${key}")\n` });
    const r = runCli(["fix", "a.js"], { cwd: join(repo, "pkg") });
    expect(r.code).toBe(0);
    expect(read(repo, "pkg/a.js")).toBe("x(process.env.TAVILY_API_KEY)\n");
    expect(read(repo, "other/b.js")).toContain(key);
    expect(read(repo, ".env")).toBe(`TAVILY_API_KEY=${key}\n`);
    expect(r.stdout).toMatch(/fixed +pkg\/a\.js:1/);
    // From the subdirectory with no paths: the whole repository; with ../other: the sibling.
    writeFiles(repo, { "lib/c.js": `z("${key}")\n` });
    expect(runCli(["fix", "../other"], { cwd: join(repo, "pkg") }).code).toBe(0);
    expect(read(repo, "other/b.js")).toBe("y(process.env.TAVILY_API_KEY)\n");
    expect(runCli(["fix"], { cwd: join(repo, "pkg") }).code).toBe(0);
    expect(read(repo, "lib/c.js")).toBe("z(process.env.TAVILY_API_KEY)\n");
    expect(read(repo, ".env")).toBe(`TAVILY_API_KEY=${key}\n`);
  });

  it.each([
    [["fix", "-"], /stdin \(-\) cannot be fixed/],
    [["fix", "nope"], /no such file or directory: nope/],
  ])("exits 2 with one line for %j", (args, message) => {
    const repo = gitRepo({ "a.txt": "x\n" });
    const r = runCli(args, { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 outside a git work tree", () => {
    const dir = tempDir();
    writeFiles(dir, { "a.js": `k = "${keys.next()}"\n` });
    const r = runCli(["fix"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fix works inside a git work tree/);
  });

  it("leaves committed history alone and says the key still needs revoking", () => {
    const key = keys.next();
    const repo = gitRepo();
    const sha = commitFiles(repo, { "app.js": `k = "${key}"\n` }, "leak");
    const r = runCli(["fix"], { cwd: repo });
    expect(r.code).toBe(0);
    expect(git(repo, ["rev-parse", "HEAD"]).trim()).toBe(sha);
    expect(r.stdout).toMatch(/does not revoke them/);
  });
});
