// Exit codes, documented in the README.
export const EXIT = {
  ok: 0,
  /** Some inputs (files, records, pages) failed; the rest were processed. */
  partial: 1,
  /** Bad usage, or a request refused (a write through `thidua query`). */
  usage: 2,
  /** Nothing could be done (database cannot be opened, internal error). */
  fatal: 3,
} as const;
