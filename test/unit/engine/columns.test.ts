import { describe, expect, it } from "vitest";
import { detectSecrets } from "../../../src/engine/detect.js";
import { builtinRules } from "../../../src/engine/rule.js";
import { fakeKeys } from "../../helpers/fake-key.js";

const keys = fakeKeys(4242);

describe("columns on invalid UTF-8", () => {
  it("count each character a UTF-8 decoder shows, U+FFFD for every invalid byte", () => {
    const prefixes = [
      [0x80, 0x80, 0x20], // stray continuation bytes
      [0xe9, 0x20], // a Latin-1 é
      [0xe9, 0x80, 0x20], // a truncated three-byte sequence
      [0xff, 0xfe, 0x41, 0x20],
      [0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0x20], // valid é and an emoji
    ];
    for (const prefix of prefixes) {
      const key = keys.next();
      const head = Buffer.from(prefix);
      const data = Buffer.concat([head, Buffer.from(key), Buffer.from("\n")]);
      const [m] = detectSecrets({ path: "x", data, startLine: 1, binary: false }, builtinRules());
      const shown = [...new TextDecoder().decode(head)].length;
      expect(m?.column, prefix.join(",")).toBe(shown + 1);
    }
  });
});
