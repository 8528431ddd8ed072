import seedrandom from "seedrandom";

/** A deterministic random source: the same seed and label give the same sequence. */
export function seededRandom(seed: number | string, label = ""): () => number {
  return seedrandom(`${seed}:${label}`);
}

/** Fisher–Yates with a seeded source; returns a new array. */
export function seededShuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
