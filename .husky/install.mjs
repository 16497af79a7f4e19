// Run by `npm ci` / `npm install` in a checkout of this repository (the
// `postprepare` script): point git at .husky/ so our own hook guards every commit.
// `postprepare` rather than husky's usual `prepare`: npm runs `prepare` for
// `npm pack` (its banner would pollute the tarball name pre-commit reads from
// stdout) and, for git installs, installs every devDependency to run it. Neither
// runs `postprepare`. Without husky (an install that omits devDependencies) it does nothing.
let husky;
try {
  husky = (await import("husky")).default;
} catch {
  process.exit(0);
}
const message = husky();
if (message) process.stderr.write(`husky: ${message}\n`);
