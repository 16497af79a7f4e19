import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, renderGithub } from "../../../src/report/github.js";
import { fakeKeys } from "../../helpers/fake-key.js";
import { findingsIn, findingsInMessage, reportContext } from "../../helpers/findings.js";

interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const unescapeCommand = (s: string) =>
  s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");

/** Parse `::command k=v,k=v::message` the way the Actions runner does (split on the first `::` after the properties). */
function parseCommand(line: string): WorkflowCommand {
  const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
    const eq = pair.indexOf("=");
    properties[pair.slice(0, eq)] = unescapeCommand(pair.slice(eq + 1));
  }
  return { command: m[1]!, properties, message: unescapeCommand(m[3]!) };
}

const keys = fakeKeys(77);

describe("renderGithub", () => {
  it("annotates a key in a commit message without a file (on the run, not on a diff line)", () => {
    const key = keys.next();
    const commit = { sha: "e".repeat(40), author: "A", date: "2026-01-01T00:00:00Z" };
    const [line] = renderGithub(
      reportContext(findingsInMessage(`fix: use ${key}\n`, { location: "commit-message", commit }), "diff"),
    )
      .trimEnd()
      .split("\n");
    const cmd = parseCommand(line!);
    expect(cmd.command).toBe("error");
    expect(Object.keys(cmd.properties)).toEqual(["title"]);
    expect(cmd.message).toContain("in commit eeeeeeeeeeee (message)");
    expect(line).not.toContain(key);
  });

  it("writes one ::error command per finding that parses back to file, line, col and title", () => {
    const [a, b] = [keys.next("tvly-prod-"), keys.next("tvly-")];
    const weird = "dir, with: colons/100% sure\r\nname.env";
    const findings = [
      ...findingsIn(weird, `x\n  TAVILY_API_KEY=${a}\n`),
      ...findingsIn("src/app.ts", `const k = "${b}";\n`, {
        sha: "b".repeat(40),
        author: "A",
        date: "2026-01-01T00:00:00Z",
      }),
    ];
    const out = renderGithub(reportContext(findings, "diff"));
    expect(out).not.toContain(a);
    expect(out).not.toContain(b);
    const lines = out.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map(parseCommand);
    expect(first).toMatchObject({ command: "error", properties: { file: weird, line: "2", col: "18" } });
    expect(first!.properties.title).toBe(`tvly-guard: Tavily API key ${a.slice(0, 14)}…`);
    expect(first!.message).toContain("https://app.tavily.com");
    expect(first!.message).toContain("TAVILY_API_KEY");
    expect(second).toMatchObject({ command: "error", properties: { file: "src/app.ts", line: "1", col: "12" } });
    expect(second!.message).toContain(`in commit ${"b".repeat(12)}`);
  });

  it("annotates a key in a test fixture as a warning", () => {
    const [line] = renderGithub(
      reportContext(findingsIn("tests/fixtures/config.py", `KEY = "${keys.next()}"\n`)),
    ).split("\n");
    expect(parseCommand(line!)).toMatchObject({
      command: "warning",
      properties: { file: "tests/fixtures/config.py", line: "1", col: "8" },
    });
  });

  it("writes nothing when there is nothing to annotate", () => {
    expect(renderGithub(reportContext([]))).toBe("");
  });

  it("escapes exactly what the runner unescapes", () => {
    expect(escapeData("50% done\r\nnext: a,b")).toBe("50%25 done%0D%0Anext: a,b");
    expect(escapeProperty("50% done\r\nnext: a,b")).toBe("50%25 done%0D%0Anext%3A a%2Cb");
    for (const s of ["%0A literal", "a::b", "x,y=z"]) expect(unescapeCommand(escapeProperty(s))).toBe(s);
  });
});
