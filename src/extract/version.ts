// Bumped whenever rules change in a way that changes output; stored with every fact.
export const EXTRACTOR_VERSION = "0.1.0";
