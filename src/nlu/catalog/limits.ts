/** Hard limits that keep a hostile or runaway catalog from exhausting memory or CPU. */
export const CATALOG_LIMITS = {
  /** Largest catalog file read, in bytes. */
  maxFileBytes: 2 * 1024 * 1024,
  /** Most catalog files in the directory. */
  maxFiles: 1000,
  /** Most intents across all files. */
  maxIntents: 5000,
  /** Most examples per language per intent. */
  maxExamplesPerLanguage: 1000,
  /** Most YAML alias expansions per file (defeats "billion laughs" alias bombs). */
  maxAliasCount: 100,
  /** Deepest nesting of YAML collections accepted. */
  maxDepth: 32,
  /** Most aliases per language of one product or category. */
  maxAliasesPerLanguage: 100,
  /** Most products plus categories across all files. */
  maxProducts: 5000,
  /** Most problems kept in an error's details (the message lists fewer). */
  maxIssues: 500,
} as const;
