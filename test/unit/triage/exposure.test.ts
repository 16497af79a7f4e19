import { describe, expect, it } from "vitest";
import { type KeyExposure, sortByUrgency, urgencyOf } from "../../../src/report/keys.js";

const key = (name: string, over: Partial<KeyExposure>): KeyExposure => ({
  ruleId: "r",
  fingerprint: name,
  secret: name,
  firstCommit: null,
  firstDate: null,
  ageDays: null,
  pushed: null,
  inHead: null,
  verified: null,
  locations: 1,
  ...over,
});

describe("urgency", () => {
  it("orders live > pushed > in HEAD > unpushed > unknown, then oldest first", () => {
    const keys = [
      key("unknown", {}),
      key("unpushed", { pushed: false, inHead: false, firstDate: "2020-01-01T00:00:00Z" }),
      key("inHead", { pushed: false, inHead: true, firstDate: "2026-01-01T00:00:00Z" }),
      key("pushedNew", { pushed: true, firstDate: "2026-01-01T00:00:00Z" }),
      key("pushedOld", { pushed: true, firstDate: "2023-01-01T00:00:00Z" }),
      key("live", { verified: true, pushed: false }),
      key("revokedPushed", { verified: false, pushed: true, firstDate: "2026-06-01T00:00:00Z" }),
    ];
    expect(sortByUrgency(keys).map((k) => k.secret)).toEqual([
      "live",
      "pushedOld",
      "pushedNew",
      "revokedPushed",
      "inHead",
      "unpushed",
      "unknown",
    ]);
    expect(keys.map(urgencyOf)).toEqual([4, 3, 2, 1, 1, 0, 1]);
  });

  it("keeps first-seen order among equals", () => {
    const keys = [key("b", {}), key("a", {}), key("c", {})];
    expect(sortByUrgency(keys).map((k) => k.secret)).toEqual(["b", "a", "c"]);
  });
});
