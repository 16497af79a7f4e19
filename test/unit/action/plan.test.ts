import { describe, expect, it } from "vitest";
import { type ActionInputs, planActionScan, scanArguments } from "../../../src/action/plan.js";
import { splitLines, splitWords } from "../../../src/action/words.js";

const inputs = (over: Partial<ActionInputs> = {}): ActionInputs => ({
  mode: "diff",
  range: "",
  format: "github",
  sarif: "",
  reports: [],
  args: [],
  ...over,
});
const sha = (c: string) => c.repeat(40);
const ZERO = "0".repeat(40);

describe("planActionScan", () => {
  it("scans a pull request's base..head", () => {
    const plan = planActionScan(inputs(), {
      name: "pull_request",
      payload: { pull_request: { base: { sha: sha("a") }, head: { sha: sha("b") } } },
    });
    expect(plan).toMatchObject({ command: ["diff", `${sha("a")}..${sha("b")}`], needsHistory: true });
    expect(
      planActionScan(inputs(), {
        name: "pull_request_target",
        payload: { pull_request: { base: { sha: sha("a") }, head: { sha: sha("b") } } },
      }).command,
    ).toEqual(["diff", `${sha("a")}..${sha("b")}`]);
  });

  it("scans a push's before..after, and a merge group's base..head", () => {
    expect(
      planActionScan(inputs(), { name: "push", payload: { ref: "refs/heads/main", before: sha("1"), after: sha("2") } })
        .command,
    ).toEqual(["diff", `${sha("1")}..${sha("2")}`]);
    expect(
      planActionScan(inputs(), {
        name: "merge_group",
        payload: { merge_group: { base_sha: sha("3"), head_sha: sha("4") } },
      }).command,
    ).toEqual(["diff", `${sha("3")}..${sha("4")}`]);
  });

  it("scans a new branch's commits that the default branch lacks, and the whole history on the first push of the default branch", () => {
    const repository = { default_branch: "main" };
    expect(
      planActionScan(inputs(), {
        name: "push",
        payload: { ref: "refs/heads/feature", before: ZERO, after: sha("c"), repository },
      }).command,
    ).toEqual(["diff", `origin/main..${sha("c")}`]);
    expect(
      planActionScan(inputs(), {
        name: "push",
        payload: { ref: "refs/heads/main", before: ZERO, after: sha("c"), repository },
      }).command,
    ).toEqual(["diff", sha("c")]);
  });

  it("scans nothing for a deleted branch, and says so", () => {
    const plan = planActionScan(inputs(), {
      name: "push",
      payload: { ref: "refs/heads/old", before: sha("d"), after: ZERO, deleted: true },
    });
    expect(plan).toEqual({ command: null, describe: "nothing: the push deleted refs/heads/old", needsHistory: false });
  });

  it("takes the range input over the event, and runs history or scan modes as asked", () => {
    expect(
      planActionScan(inputs({ range: "origin/main..HEAD" }), { name: "workflow_dispatch", payload: {} }).command,
    ).toEqual(["diff", "origin/main..HEAD"]);
    expect(planActionScan(inputs({ mode: "history" }), { name: "schedule", payload: {} })).toMatchObject({
      command: ["history"],
      needsHistory: true,
    });
    expect(planActionScan(inputs({ mode: "scan" }), { name: "schedule", payload: {} })).toMatchObject({
      command: ["scan", "."],
      needsHistory: false,
    });
  });

  it.each([
    [inputs(), "schedule", {}, /mode diff needs a pull_request, push or merge_group event, not schedule/],
    [inputs({ mode: "all" }), "push", {}, /unknown mode "all"/],
    [inputs(), "pull_request", { pull_request: {} }, /no pull_request\.base\.sha; set the range input/],
  ])("refuses what it cannot scan with a clear reason (%#)", (inp, name, payload, message) => {
    expect(() => planActionScan(inp, { name, payload })).toThrow(message);
  });
});

describe("scanArguments", () => {
  const files = { json: "/tmp/r/report.json", text: "/tmp/r/report.txt" };
  it("is one run: the user's args, the log format, then SARIF, the extra reports and the action's own files", () => {
    expect(
      scanArguments(
        ["diff", "a..b"],
        inputs({ sarif: "out.sarif", reports: ["junit:j.xml"], args: ["--no-color"] }),
        files,
      ),
    ).toEqual([
      "diff",
      "a..b",
      "--no-color",
      "--format",
      "github",
      "--report",
      "sarif:out.sarif",
      "--report",
      "junit:j.xml",
      "--report",
      "json:/tmp/r/report.json",
      "--report",
      "text:/tmp/r/report.txt",
    ]);
  });

  it("asks for no text file when the log report is already text, and defaults the format to github", () => {
    expect(scanArguments(["scan", "."], inputs({ format: "text" }), files)).toEqual([
      "scan",
      ".",
      "--format",
      "text",
      "--report",
      "json:/tmp/r/report.json",
    ]);
    expect(scanArguments(["scan", "."], inputs({ format: "" }), files).slice(2, 4)).toEqual(["--format", "github"]);
  });
});

describe("splitWords (the args input)", () => {
  it("splits on whitespace and honours quotes and backslashes, expanding nothing", () => {
    expect(splitWords(`  --config "my config.json"  -f\tjson\n--baseline 'a b'/c  `)).toEqual([
      "--config",
      "my config.json",
      "-f",
      "json",
      "--baseline",
      "a b/c",
    ]);
    expect(splitWords(`--x $HOME * $(id) \`ls\``)).toEqual(["--x", "$HOME", "*", "$(id)", "`ls`"]);
    expect(splitWords(String.raw`a\ b "q\"uote" ''`)).toEqual(["a b", 'q"uote', ""]);
    expect(splitWords("")).toEqual([]);
  });

  it("refuses an unclosed quote instead of guessing", () => {
    expect(() => splitWords(`--config "oops`)).toThrow(/unclosed " quote/);
  });

  it("reads the reports input one entry per line", () => {
    expect(splitLines("gitlab:gl.json\r\n\n  junit:out dir/j.xml  \n")).toEqual([
      "gitlab:gl.json",
      "junit:out dir/j.xml",
    ]);
  });
});
