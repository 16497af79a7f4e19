import { describe, expect, it } from "vitest";
import { cleanupFor, keptMessage } from "../../../src/sources/commit-message.js";

const edited = { GIT_EDITOR: "vim" };
const noEditor = { GIT_EDITOR: ":" };
const kept = (text: string, cleanup: ReturnType<typeof cleanupFor>) =>
  keptMessage(Buffer.from(text), cleanup).toString();

describe("commit message cleanup (what git strips before committing)", () => {
  it("blanks comment lines when the editor was used, keeping line numbers", () => {
    const cleanup = cleanupFor({}, edited);
    expect(kept("subject\n# comment\nbody\n", cleanup)).toBe("subject\n\nbody\n");
  });

  it("keeps comment lines for -m / -F (GIT_EDITOR=:), as git's whitespace mode does", () => {
    expect(kept("subject\n# not a comment to git\n", cleanupFor({}, noEditor))).toBe(
      "subject\n# not a comment to git\n",
    );
  });

  it("cuts `git commit -v`'s diff at the scissors line", () => {
    const text = "subject\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n-gone\n";
    expect(kept(text, cleanupFor({}, edited))).toBe("subject");
    expect(kept(text, cleanupFor({ cleanup: "verbatim" }, edited))).toBe(text);
  });

  it("follows core.commentChar and commit.cleanup", () => {
    expect(kept("a\n; note\n# kept\n", cleanupFor({ commentChar: ";" }, edited))).toBe("a\n\n# kept\n");
    expect(kept("a\n# kept\n", cleanupFor({ cleanup: "whitespace" }, edited))).toBe("a\n# kept\n");
    expect(kept("a\n# gone\n", cleanupFor({ cleanup: "strip" }, noEditor))).toBe("a\n\n");
    expect(cleanupFor({ commentChar: "auto" }, edited).commentChar).toBe("#");
  });
});
