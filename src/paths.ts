// Paths as reports and allowlists show them: forward slashes on every platform.
import { sep } from "node:path";

/** `a\\b` -> `a/b` on Windows; unchanged elsewhere. */
export const toPosix = (p: string): string => (sep === "/" ? p : p.split(sep).join("/"));
