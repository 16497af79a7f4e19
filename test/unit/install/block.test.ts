import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  beginMarker,
  endMarker,
  extractBlock,
  isEmptyScript,
  placeBlock,
  removeBlock,
} from "../../../src/install/block.js";
import { HOOK_NAMES, HOOK_TEMPLATES_DIR, renderHookBlock } from "../../../src/install/hooks.js";

const block = [beginMarker("pre-commit"), "tvly_guard staged", endMarker("pre-commit")];

describe("placeBlock / removeBlock", () => {
  it("appends after the existing lines, with one blank line between", () => {
    const text = "npx lint-staged\n\n\n";
    const out = placeBlock(text, "pre-commit", block, "append");
    expect(out).toBe(`npx lint-staged\n\n${block.join("\n")}\n`);
    expect(removeBlock(out, "pre-commit")).toBe("npx lint-staged\n");
  });

  it("puts the block right after the shebang at the top, and takes it out cleanly", () => {
    const text = "#!/bin/bash\nset -u\nrun-lint\nexit 0\n";
    const out = placeBlock(text, "pre-commit", block, "top");
    expect(out).toBe(`#!/bin/bash\n${block.join("\n")}\n\nset -u\nrun-lint\nexit 0\n`);
    expect(removeBlock(out, "pre-commit")).toBe(text);
  });

  it("puts the block on line 1 of a file without a shebang (husky v9)", () => {
    const out = placeBlock(
      'git lfs pre-push "$@"\n',
      "pre-push",
      [beginMarker("pre-push"), "x", endMarker("pre-push")],
      "top",
    );
    expect(out.split("\n")[0]).toBe(beginMarker("pre-push"));
    expect(removeBlock(out, "pre-push")).toBe('git lfs pre-push "$@"\n');
  });

  it("replaces its own block in place, so running twice changes nothing", () => {
    const once = placeBlock("#!/bin/sh\necho a\n", "pre-commit", block, "top");
    expect(placeBlock(once, "pre-commit", block, "top")).toBe(once);
    const changed = placeBlock(once, "pre-commit", [block[0]!, "new body", block[2]!], "append");
    expect(changed).toBe(once.replace("tvly_guard staged", "new body"));
  });

  it("leaves other lines alone, CRLF or not, and refuses a block without its end marker", () => {
    expect(removeBlock("#!/bin/sh\necho a\n", "pre-commit")).toBeNull();
    expect(removeBlock(`a\r\n\r\n${block.join("\r\n")}\r\nb\r\n`, "pre-commit")).toBe("a\r\nb\r\n");
    expect(() => removeBlock(`${block[0]}\necho\n`, "pre-commit")).toThrow(/no "# <<< tvly-guard pre-commit <<<" line/);
  });

  it("calls a file empty only when a shebang and blank lines are left", () => {
    expect(isEmptyScript("#!/bin/sh\n\n")).toBe(true);
    expect(isEmptyScript("")).toBe(true);
    expect(isEmptyScript("#!/bin/sh\n# my notes\n")).toBe(false);
    expect(isEmptyScript("npm test\n")).toBe(false);
  });
});

describe("hook templates (hooks/)", () => {
  it("each holds one marked block, and both find the tool the same way", () => {
    const finder = (name: string) => {
      const text = readFileSync(join(HOOK_TEMPLATES_DIR, name), "utf8");
      return /tvly_guard\(\) \{\n[\s\S]*?\n\}\n/
        .exec(text)![0]
        .replace(/git (commit|push) --no-verify|install( --pre-push)? again/g, "");
    };
    for (const name of HOOK_NAMES)
      expect(extractBlock(readFileSync(join(HOOK_TEMPLATES_DIR, name), "utf8"), name).length).toBeGreaterThan(10);
    expect(finder("pre-push")).toBe(finder("pre-commit"));
  });

  it("fill in the installation's paths, quoted for sh, or leave them out", () => {
    const lines = renderHookBlock("pre-commit", { cli: "/opt/it's here/dist/cli.js", node: "/usr/bin/node" });
    expect(lines).toContain(`    '/usr/bin/node' '/opt/it'\\''s here/dist/cli.js' "$@"`);
    expect(lines.join("\n")).not.toContain("@installation@");
    expect(renderHookBlock("pre-commit", null).join("\n")).not.toMatch(/@installation@|dist\/cli\.js/);
  });
});

describe("foreign bytes are kept", () => {
  const ours = ["# >>> tvly-guard pre-commit >>>", "tvly-guard staged", "# <<< tvly-guard pre-commit <<<"];
  it("a CRLF hook keeps its CRLF line endings through install and uninstall, byte for byte", () => {
    const foreign = "#!/bin/sh\r\necho one\r\n\r\necho two\r\n";
    const placed = placeBlock(foreign, "pre-commit", ours, "append");
    expect(placed.replace(/\r\n/g, "")).not.toContain("\n"); // every line still ends in CRLF
    expect(removeBlock(placed, "pre-commit")).toBe(foreign);
  });
});
