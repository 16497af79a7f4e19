import { describe, expect, it } from "vitest";
import { createProgress, fitToWidth } from "../../src/progress.js";

describe("the progress line", () => {
  it("fits the terminal: at most columns - 1 characters, cut with an ellipsis, code points not UTF-16 units", () => {
    expect(fitToWidth("tvly-guard: 12 files", 80)).toBe("tvly-guard: 12 files");
    expect(fitToWidth("tvly-guard: 12 files", 10)).toBe("tvly-gua…");
    expect([...fitToWidth("a😀b😀c😀d😀e", 6)]).toHaveLength(5);
    expect(fitToWidth("exactly ten", 11)).toBe("exactly t…");
    expect(fitToWidth("anything", undefined)).toBe("anything");
  });

  it("overwrites one line, follows the current width, and erases itself when done", () => {
    const writes: string[] = [];
    let columns = 12;
    const progress = createProgress(
      (s) => writes.push(s),
      true,
      () => columns,
      0,
    );
    progress.update(() => "tvly-guard: 1 file, 10 B, 0 findings");
    columns = 30;
    progress.update(() => "tvly-guard: 2 files, 20 B, 0 findings");
    progress.done();
    progress.done();
    expect(writes).toEqual(["\r\x1b[2Ktvly-guard…", "\r\x1b[2Ktvly-guard: 2 files, 20 B, 0…", "\r\x1b[2K"]);
    for (const w of writes) expect(w.replace("\r\x1b[2K", "").length).toBeLessThan(30);
  });

  it("writes nothing when stderr is not a terminal", () => {
    const writes: string[] = [];
    const progress = createProgress(
      (s) => writes.push(s),
      false,
      () => 80,
      0,
    );
    progress.update(() => "x");
    progress.done();
    expect(writes).toEqual([]);
  });
});
