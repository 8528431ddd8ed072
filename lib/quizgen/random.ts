import seedrandom from "seedrandom";

/** Every random choice is seeded from what it is about, so the same content gives the same bank. */
export function rngFor(...parts: string[]): () => number {
  // Seeding is the costly part (an ARC4 key schedule), and many drafts never draw (a bound gets no
  // options, a figure no fair swap): the generator is seeded at its first draw, same sequence.
  const seed = parts.join("|");
  let draw: (() => number) | null = null;
  return () => (draw ??= seedrandom(seed))();
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
