// Does this repository use husky? Then hooks go in .husky/, which is committed
// and shared, and not in the directory husky generates (.husky/_).
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { HookLayout } from "../git/hooks.js";

export interface HuskySetup {
  /** Absolute .husky directory. */
  dir: string;
  /** husky v4-8 sets core.hooksPath to .husky itself and runs the files there directly. */
  legacy: boolean;
  /** core.hooksPath is not (yet) pointing at husky in this clone: the hooks will not fire until husky runs. */
  inactive: boolean;
}

function listsHusky(toplevel: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(toplevel, "package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    return (
      Boolean(pkg.devDependencies?.husky ?? pkg.dependencies?.husky) || /\bhusky\b/.test(pkg.scripts?.prepare ?? "")
    );
  } catch {
    return false; // no package.json, or one we cannot read: not a husky project by that test
  }
}

/** The husky setup of the repository at `layout`, or null when husky is not in use. */
export function detectHusky(layout: HookLayout): HuskySetup | null {
  const dir = join(layout.toplevel, ".husky");
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return null;
  const hooksPath =
    layout.hooksPath === undefined
      ? undefined
      : relative(dir, resolve(layout.toplevel, layout.hooksPath)).replace(/\\/g, "/");
  const viaConfig = hooksPath === "_" || hooksPath === "";
  if (!viaConfig && !listsHusky(layout.toplevel)) return null;
  return { dir, legacy: hooksPath === "", inactive: !viaConfig };
}
