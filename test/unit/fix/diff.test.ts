import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../../src/fix/diff.js";
import { seededRandom } from "../../helpers/fake-key.js";

/** Apply a unified diff to `before` (enough of `patch` to check our hunks). */
function applyPatch(before: string, diff: string): string {
  const lines = before === "" ? [] : before.replace(/\n$/, "").split("\n");
  const out: string[] = [];
  let at = 0;
  for (const hunk of diff.split(/^(?=@@ )/m).slice(1)) {
    const [header, ...body] = hunk.replace(/\n$/, "").split("\n");
    const start = Number(/^@@ -(\d+)/.exec(header!)![1]);
    const from = body.some((l) => l[0] !== "+") ? start - 1 : start;
    while (at < from) out.push(lines[at++]!);
    for (const l of body) {
      if (l[0] === " ") {
        expect(lines[at++]).toBe(l.slice(1));
        out.push(l.slice(1));
      } else if (l[0] === "-") expect(lines[at++]).toBe(l.slice(1));
      else if (l[0] === "+") out.push(l.slice(1));
    }
  }
  while (at < lines.length) out.push(lines[at++]!);
  return out.length ? `${out.join("\n")}\n` : "";
}

describe("unifiedDiff", () => {
  it("is empty when nothing changed", () => {
    expect(unifiedDiff("f", "a\n", "a\n")).toBe("");
  });

  it("round-trips random edits through its own hunks", () => {
    const rand = seededRandom(3);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(rand() * 40) }, () => `l${Math.floor(rand() * 8)}`);
      const b = a.flatMap((l) =>
        rand() < 0.1 ? [] : rand() < 0.1 ? [l, `new${Math.floor(rand() * 5)}`] : rand() < 0.05 ? ["changed"] : [l],
      );
      const before = a.length ? `${a.join("\n")}\n` : "";
      const after = b.length ? `${b.join("\n")}\n` : "";
      const diff = unifiedDiff("f", before, after);
      if (before === after) expect(diff).toBe("");
      else expect(applyPatch(before, diff), diff).toBe(after);
    }
  });

  it("keeps distant edits in separate hunks with three lines of context", () => {
    const a = `${Array.from({ length: 30 }, (_, i) => `line${i}`).join("\n")}\n`;
    const b = a.replace("line3\n", "LINE3\n").replace("line25\n", "LINE25\n");
    const diff = unifiedDiff("f", a, b);
    expect(diff.match(/^@@ .*$/gm)).toEqual(["@@ -1,7 +1,7 @@", "@@ -23,7 +23,7 @@"]);
  });

  it("diffs a 20,000-line .env created or appended to without a quadratic edit trace", () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `KEY_${i}=v${i}\n`).join("");
    const created = unifiedDiff(".env", null, lines);
    expect(created.split("\n").filter((l) => l.startsWith("+K"))).toHaveLength(20_000);
    const appended = unifiedDiff(".env", "A=1\n", `A=1\n${lines}`);
    expect(applyPatch("A=1\n", appended)).toBe(`A=1\n${lines}`);
  });
});
