// The package version, read from the package root's package.json on first use:
// a clean pre-commit run prints no version, so it does not read the file.
import { readFileSync } from "node:fs";
import { packagePath } from "./paths.js";

let version: string | undefined;

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string }).version;
  return version;
}
