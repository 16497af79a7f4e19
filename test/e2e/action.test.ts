// The GitHub Action as GitHub runs it: the `run:` lines of action.yml, with
// its inputs substituted and the environment a runner sets, in a checkout of
// a temp repository. (The install step, `npm ci` in the action's path, is not
// re-run: `npm test` has just built this checkout.)
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { commitFiles, GIT_ENV, git, gitRepo, tempDir } from "../helpers/git-repo.js";

const ACTION_PATH = fileURLToPath(new URL("../../", import.meta.url));
interface Step {
  id?: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  "working-directory"?: string;
}
const action = parse(readFileSync(join(ACTION_PATH, "action.yml"), "utf8")) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};
const keys = fakeKeys(31337);

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What the steps wrote to $GITHUB_OUTPUT, parsed (name=value and the name<<DELIM heredoc form). */
  outputs: Record<string, string>;
  /** What the steps appended to $GITHUB_STEP_SUMMARY. */
  summary: string;
}

/** Parse a $GITHUB_OUTPUT file the way the runner does. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([\w-]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      out[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (line.includes("=")) out[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
  }
  return out;
}

/** Run the action's steps (but install) the way a runner would: `${{ inputs.* }}` filled in, bash -eo pipefail, GITHUB_* set. */
function runAction(
  workspace: string,
  inputs: Record<string, string>,
  event: { name: string; payload: object },
): ActionRun {
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? ""]));
  const expand = (text: string) =>
    text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`action.yml uses an undeclared input ${name}`);
      return values[name]!;
    });
  const runnerDir = tempDir();
  const eventPath = join(runnerDir, "event.json");
  writeFileSync(eventPath, JSON.stringify(event.payload));
  const outputPath = join(runnerDir, "output");
  const summaryPath = join(runnerDir, "summary.md");
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  const runner = {
    ...process.env,
    ...GIT_ENV,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_ACTION_PATH: ACTION_PATH,
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_REPOSITORY: "octo/demo",
    GITHUB_SHA: "f".repeat(40),
    RUNNER_TEMP: tempDir(),
  };
  let last = { code: 0, stdout: "", stderr: "" };
  for (const step of action.runs.steps.filter((s) => s.id !== "install")) {
    expect(step.shell).toBe("bash");
    const env = {
      ...runner,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))])),
    };
    const cwd = resolve(workspace, expand(step["working-directory"] ?? "."));
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], {
      cwd,
      env,
      encoding: "utf8",
    });
    last = { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    if (last.code !== 0) break;
  }
  return {
    ...last,
    outputs: parseOutputs(readFileSync(outputPath, "utf8")),
    summary: readFileSync(summaryPath, "utf8"),
  };
}

/** A "GitHub" remote with main (holding an old leaked key), and a full clone of it as the workspace. */
function setUp() {
  const remote = gitRepo(undefined, { bare: true });
  const dev = gitRepo({ "README.md": "demo\n" });
  commitFiles(dev, { "old.env": `TAVILY_API_KEY=${keys.next()}\n` }, "old leak, already public");
  git(dev, ["remote", "add", "origin", remote]);
  git(dev, ["push", "-q", "origin", "main"]);
  const base = git(dev, ["rev-parse", "HEAD"]).trim();
  const clone = (branch: string, depth?: number) => {
    const ws = join(tempDir(), "workspace");
    git(tempDir(), [
      "clone",
      "-q",
      ...(depth ? ["--depth", String(depth)] : []),
      "--branch",
      branch,
      `file://${remote}`,
      ws,
    ]);
    return ws;
  };
  return { remote, dev, base, clone };
}

describe("action.yml", () => {
  it("is a composite action that builds the tool from its own checkout and runs dist/action/main.js", () => {
    expect(action.runs.using).toBe("composite");
    const install = action.runs.steps.find((s) => s.id === "install")!;
    expect(install.run).toMatch(/^npm ci --prefix "\$GITHUB_ACTION_PATH"/);
    expect(action.runs.steps.map((s) => s.run).join("\n")).not.toMatch(/npx|curl|wget/);
  });

  it("on a pull request: annotates the key the PR adds (not the one already on main), writes SARIF, fails the job", () => {
    const { dev, base, clone } = setUp();
    git(dev, ["checkout", "-q", "-b", "pr"]);
    commitFiles(dev, { "src/ok.ts": "export const x = 1;\n" }, "clean");
    const key = keys.next("tvly-prod-");
    commitFiles(dev, { "src/client.ts": `export const key = "${key}";\n` }, "leak");
    git(dev, ["push", "-q", "origin", "pr"]);
    const head = git(dev, ["rev-parse", "HEAD"]).trim();
    const ws = clone("pr");
    const payload = { pull_request: { base: { sha: base }, head: { sha: head } } };
    const r = runAction(ws, { sarif: "tvly-guard.sarif" }, { name: "pull_request", payload });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`scanning the pull request's commits, ${base.slice(0, 12)}..${head.slice(0, 12)}`);
    const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error file=src\/client\.ts,line=1,col=21,title=/);
    expect(r.stdout + r.stderr).not.toContain(key);
    const sarif = JSON.parse(readFileSync(join(ws, "tvly-guard.sarif"), "utf8"));
    expect(
      sarif.runs[0].results.map(
        (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          x.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    ).toEqual(["src/client.ts"]);
    expect(sarif.runs[0].results[0].properties.commit).toBe(head);
    // One scan wrote the annotations, the SARIF file and the folded text report.
    expect(r.stderr.match(/tvly-guard diff: scanned/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/^::group::tvly-guard report\n[\s\S]*src\/client\.ts:1:21[\s\S]*::endgroup::$/m);
    expect(r.outputs).toEqual({
      findings: "1",
      keys: "1",
      "sarif-file": join(ws, "tvly-guard.sarif"),
      "exit-code": "1",
    });
    expect(r.summary).toContain("## tvly-guard: 1 key found in 1 place");
    expect(r.summary).toContain(
      `Scanned the pull request's commits, ${base.slice(0, 12)}..${head.slice(0, 12)}: 2 commits`,
    );
    expect(r.summary).toContain(
      `| \`${redacted(key)}\` (pushed) | [src/client.ts:1](https://github.example/octo/demo/blob/${head}/src/client.ts#L1) | [\`${head.slice(0, 12)}\`](https://github.example/octo/demo/commit/${head}) Test Author `,
    );
    expect(r.summary).toMatch(/\*\*Revoke and replace this Tavily API key:\*\*\n\n1\. /);
    expect(r.summary).toContain("SARIF written to");
    expect(r.summary).not.toContain(key);
  });

  it("on a clean pull request: passes", () => {
    const { dev, base, clone } = setUp();
    git(dev, ["checkout", "-q", "-b", "pr"]);
    commitFiles(dev, { "src/ok.ts": "export const key = process.env.TAVILY_API_KEY;\n" }, "clean");
    git(dev, ["push", "-q", "origin", "pr"]);
    const head = git(dev, ["rev-parse", "HEAD"]).trim();
    const r = runAction(
      clone("pr"),
      {},
      { name: "pull_request", payload: { pull_request: { base: { sha: base }, head: { sha: head } } } },
    );
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ findings: "0", keys: "0", "sarif-file": "", "exit-code": "0" });
    expect(r.summary).toMatch(/^## tvly-guard: no keys found\n\nScanned the pull request's commits, .*: 1 commit, /);
  });

  it("on a push of a new branch: scans only the commits main does not have", () => {
    const { dev, clone } = setUp();
    git(dev, ["checkout", "-q", "-b", "feature"]);
    commitFiles(dev, { "a.txt": "one\n" }, "one");
    commitFiles(dev, { "b.txt": "two\n" }, "two");
    git(dev, ["push", "-q", "origin", "feature"]);
    const after = git(dev, ["rev-parse", "HEAD"]).trim();
    const payload = {
      ref: "refs/heads/feature",
      before: "0".repeat(40),
      after,
      deleted: false,
      repository: { default_branch: "main" },
    };
    const r = runAction(clone("feature"), { format: "text" }, { name: "push", payload });
    expect(r.stderr).toContain("scanning the commits of new refs/heads/feature that main does not have");
    expect(r.stderr).toMatch(/scanned 2 commits/);
    expect(r.code).toBe(0);
  });

  it("on a push to main: scans before..after and flags a key in it", () => {
    const { dev, base, clone } = setUp();
    const key = keys.next();
    commitFiles(dev, { "cfg/app.json": `${JSON.stringify({ tavily: key })}\n` }, "leak on main");
    git(dev, ["push", "-q", "origin", "main"]);
    const after = git(dev, ["rev-parse", "HEAD"]).trim();
    const ws = clone("main");
    // A config whose name has a space, and a value that a shell would expand: both reach the CLI as written.
    writeFileSync(join(ws, "my config.json"), JSON.stringify({ allowlist: { paths: ["$HOME/*"] } }));
    const r = runAction(
      ws,
      {
        args: `--config "my config.json"`,
        reports: "gitlab:gl-secret-detection-report.json\njunit:out junit.xml\n",
      },
      {
        name: "push",
        payload: { ref: "refs/heads/main", before: base, after, repository: { default_branch: "main" } },
      },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=cfg\/app\.json,line=1,col=\d+,/m);
    expect(r.stderr.match(/tvly-guard diff: scanned/g)).toHaveLength(1);
    expect(r.outputs).toEqual({ findings: "1", keys: "1", "sarif-file": "", "exit-code": "1" });
    const gitlab = JSON.parse(readFileSync(join(ws, "gl-secret-detection-report.json"), "utf8"));
    expect(gitlab.vulnerabilities[0].location).toMatchObject({ file: "cfg/app.json", commit: { sha: after } });
    expect(readFileSync(join(ws, "out junit.xml"), "utf8")).toContain('name="cfg/app.json:1:');
    expect(r.summary).toContain(`Scanned the pushed commits, ${base.slice(0, 12)}..${after.slice(0, 12)}: 1 commit`);
    expect(r.summary).toContain(`(https://github.example/octo/demo/blob/${after}/cfg/app.json#L1)`);
    expect(r.stdout + r.stderr + r.summary).not.toContain(key);
  });

  it("on a branch deletion: scans nothing and passes", () => {
    const { base, clone } = setUp();
    const r = runAction(
      clone("main"),
      {},
      { name: "push", payload: { ref: "refs/heads/gone", before: base, after: "0".repeat(40), deleted: true } },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("nothing: the push deleted refs/heads/gone");
  });

  it("on a shallow checkout: fails with the fetch-depth fix instead of passing", () => {
    const { dev, base, clone } = setUp();
    commitFiles(dev, { "c.txt": "x\n" }, "more");
    git(dev, ["push", "-q", "origin", "main"]);
    const after = git(dev, ["rev-parse", "HEAD"]).trim();
    const r = runAction(
      clone("main", 1),
      {},
      { name: "push", payload: { ref: "refs/heads/main", before: base, after } },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("fetch-depth: 0");
    expect(r.stdout).toMatch(/^::error title=tvly-guard::.*fetch-depth: 0/m);
    expect(r.outputs).toEqual({ findings: "0", keys: "0", "sarif-file": "", "exit-code": "2" });
    expect(r.summary).toMatch(/^## tvly-guard: the scan failed\n/);
    expect(r.summary).toContain("this is not a clean result");
  });

  it("in scan mode on a schedule: scans the checked-out files and finds the key already on main", () => {
    const { clone } = setUp();
    const r = runAction(clone("main"), { mode: "scan", format: "json" }, { name: "schedule", payload: {} });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file)).toEqual(["old.env"]);
  });

  it("in history mode: audits every commit of the checkout and names the commit that added the key", () => {
    const { base, clone } = setUp();
    const r = runAction(clone("main"), { mode: "history", format: "json" }, { name: "schedule", payload: {} });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.scanned.commits).toBeGreaterThan(0);
    expect(report.findings.map((f: { file: string; commit: string }) => [f.file, f.commit])).toEqual([
      ["old.env", base],
    ]);
  });

  it("on the first push of the default branch: scans every commit of it", () => {
    const { base, clone } = setUp();
    const r = runAction(
      clone("main"),
      { format: "text" },
      {
        name: "push",
        payload: {
          ref: "refs/heads/main",
          before: "0".repeat(40),
          after: base,
          repository: { default_branch: "main" },
        },
      },
    );
    expect(r.stderr).toMatch(/scanned 2 commits/);
    expect(r.stdout).toContain("old.env:1:16");
    expect(r.code).toBe(1);
  });

  it("outside a pull request or push without a range: exits 2 and says what to set", () => {
    const { clone } = setUp();
    const r = runAction(clone("main"), {}, { name: "workflow_dispatch", payload: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("mode diff needs a pull_request, push or merge_group event, not workflow_dispatch");
    expect(r.stdout).toMatch(/^::error title=tvly-guard::/m);
  });
});
