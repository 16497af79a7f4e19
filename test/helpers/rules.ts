// A config rule of another provider's token, for tests of user-supplied rules.

/** `acme_` and 24 letters or digits: a rule a `.tvly-guard.json` adds. */
export const ACME_RULE = {
  id: "acme-token",
  description: "ACME API token.",
  keywords: ["acme_"],
  pattern: "(?<![A-Za-z0-9_])(?<secret>(?<prefix>acme_)(?<body>[A-Za-z0-9]{24}))(?![A-Za-z0-9_])",
  minEntropy: 3,
  remediation: { title: "Revoke the ACME token", steps: ["Revoke it in the ACME console."] },
};
