import seedrandom from "seedrandom";

/** Every random choice is seeded from what it is about, so the same content gives the same bank. */
export function rngFor(...parts: string[]): () => number {
  return seedrandom(parts.join("|"));
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
