// --shard i/n: which inputs this process takes. Parsed here so every command reads it the same way.
export interface Shard { index: number; count: number }

export function parseShard(spec: string | undefined): Shard | undefined {
  if (spec === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) throw new Error(`--shard takes i/n with 0 <= i < n (for example 0/4), not "${spec}"`);
  const index = Number(m[1]), count = Number(m[2]);
  if (count < 1 || index >= count) throw new Error(`--shard ${spec}: need 0 <= i < n`);
  return { index, count };
}
