// The ways users install tvly-guard, for real, from a temp clone of this work
// tree with the fresh bundle committed in bin/: `npm pack` prints only the
// tarball's name (pre-commit 3.x reads it from stdout), a fresh npm project with
// husky v9 installs that tarball and `tvly-guard install` makes a real commit with
// a key fail, and `npm install -g git+file://<clone>` gives a working tvly-guard
// with nothing built and no dependency installed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { tryGit } from "../helpers/hook-repo.js";
import { cloneWithFreshBundle } from "../helpers/package.js";

const keys = fakeKeys(5151);
const SLOW = 240_000;

/** npm, quietly, with a private cache-free environment except the shared cache (husky comes from the registry or the cache). */
function npm(cwd: string, args: string[]) {
  const env = {
    ...process.env,
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  for (const k of Object.keys(env)) if (k.startsWith("npm_") && !k.startsWith("npm_config_")) delete env[k];
  const r = spawnSync("npm", args, { cwd, env, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function freshClone(): string {
  const dir = tempDir("tvly-guard-clone-");
  cloneWithFreshBundle(dir);
  return dir;
}

describe("install paths", () => {
  it(
    "npm pack prints only the tarball's name; a husky v9 project installs it and its hook refuses a key",
    () => {
      const clone = freshClone();
      const out = tempDir("tvly-guard-pack-");
      const pack = npm(clone, ["pack", "--pack-destination", out]);
      expect(pack.code, pack.stderr).toBe(0);
      const version = JSON.parse(git(clone, ["show", "HEAD:package.json"])).version as string;
      expect(pack.stdout).toBe(`tvly-guard-${version}.tgz\n`);
      const tarball = join(out, pack.stdout.trim());

      const project = gitRepo({ "README.md": "demo\n" });
      writeFiles(project, { ".gitignore": "node_modules/\n" });
      expect(npm(project, ["init", "-y"]).code).toBe(0);
      const add = npm(project, ["install", "--save-dev", "--prefer-offline", "husky@9", tarball]);
      expect(add.code, add.stderr).toBe(0);
      expect(readdirSync(join(project, "node_modules")).sort()).toEqual([
        ".bin",
        ".package-lock.json",
        "husky",
        "tvly-guard",
      ]);
      const init = spawnSync(join(project, "node_modules/.bin/husky"), ["init"], { cwd: project, encoding: "utf8" });
      expect(init.status, init.stderr).toBe(0);
      writeFileSync(join(project, ".husky/pre-commit"), ""); // husky init puts `npm test` there
      const install = spawnSync(join(project, "node_modules/.bin/tvly-guard"), ["install"], {
        cwd: project,
        encoding: "utf8",
      });
      expect(install.status, install.stderr).toBe(0);
      expect(install.stdout).toContain(".husky/pre-commit");

      const key = keys.next("tvly-dev-");
      writeFiles(project, { "src/client.js": `export const key = "${key}";\n` });
      git(project, ["add", "-A"]);
      const refused = tryGit(project, ["commit", "-q", "-m", "client"]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain("src/client.js:1:");
      expect(refused.stderr).toContain(redacted(key));
      expect(refused.stdout + refused.stderr).not.toContain(key);
      writeFiles(project, { "src/client.js": "export const key = process.env.TAVILY_API_KEY;\n" });
      git(project, ["add", "-A"]);
      const clean = tryGit(project, ["commit", "-q", "-m", "client"]);
      expect(clean.code, clean.stderr).toBe(0);
    },
    SLOW,
  );

  it(
    "npm install -g git+file://<clone> gives a working tvly-guard, with nothing built and no dependency",
    () => {
      const clone = freshClone();
      const prefix = tempDir("tvly-guard-global-");
      const r = npm(clone, ["install", "-g", "--prefix", prefix, `git+file://${clone}`]);
      expect(r.code, r.stderr).toBe(0);
      const installed = join(prefix, "lib/node_modules/tvly-guard");
      expect(existsSync(join(installed, "node_modules"))).toBe(false);
      expect(readdirSync(installed).sort()).toEqual([
        "LICENSE",
        "README.md",
        "bin",
        "hooks",
        "package.json",
        "rules",
        "schema",
      ]);
      const bin = join(prefix, "bin/tvly-guard");
      const version = spawnSync(bin, ["--version"], { encoding: "utf8" });
      expect(version.status, version.stderr).toBe(0);
      const repo = gitRepo({ "README.md": "demo\n" });
      const key = keys.next();
      writeFiles(repo, { "config.env": `TAVILY_API_KEY=${key}\n` });
      const scan = spawnSync(bin, ["scan", "."], {
        cwd: repo,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(scan.status).toBe(1);
      expect(scan.stdout).toContain("config.env:1:");
      expect(scan.stdout + scan.stderr).not.toContain(key);
    },
    SLOW,
  );
});
