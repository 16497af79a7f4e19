// File -> language family that can rewrite it, and what to tell the user for files none can.
import { dockerfile } from "./dockerfile.js";
import { docs } from "./docs.js";
import { envFile } from "./dotenv.js";
import { js } from "./js.js";
import { python } from "./python.js";
import { shell } from "./shell.js";
import type { Language } from "./site.js";
import { csharp, go, jvm, php, ruby } from "./string-literal.js";
import { yaml } from "./yaml.js";

/** First match wins: env files before the rest, so `app.env` is never read as something else. */
export const LANGUAGES: readonly Language[] = [
  envFile,
  js,
  python,
  ruby,
  go,
  jvm,
  csharp,
  php,
  dockerfile,
  yaml,
  shell,
  docs,
];

export function languageFor(path: string, text: string): Language | undefined {
  return LANGUAGES.find((l) => l.owns(path, text));
}

/** The manual instruction for a file fix cannot rewrite safely. */
export function manualInstruction(path: string, envVar: string): string {
  if (/\.ipynb$/i.test(path))
    return `notebook: in the cell, replace the key with os.environ["${envVar}"] (the value is in .env), then clear the cell outputs`;
  if (/\.json5?$/i.test(path))
    return `JSON cannot read environment variables: remove the key here and have the program that reads this file take it from ${envVar} (the value is in .env)`;
  if (/\.toml$/i.test(path))
    return `TOML cannot read environment variables: remove the key here and have the program read ${envVar} (the value is in .env)`;
  return `no safe rewrite for this file type: replace the key with a lookup of ${envVar} (the value is in .env)`;
}
