import { pushAll } from "@/lib/arrays";

/**
 * Databases cap the parameters of one statement (SQLite 32,766, PostgreSQL 65,535, and Prisma may
 * refuse earlier with P2029), and an `IN (…)` list takes one per value. Lists whose length depends on
 * data rather than on a quiz's size go through here, 500 values per statement.
 */
export const IN_CHUNK_SIZE = 500;

export function chunked<T>(items: readonly T[], size = IN_CHUNK_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs `run` on each chunk in turn (not in parallel: inside a transaction there is one connection). */
export async function inChunks<T, R>(items: readonly T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const results: R[] = [];
  for (const chunk of chunked(items)) pushAll(results, await run(chunk));
  return results;
}

/** As `inChunks`, for statements that report a count (updateMany, deleteMany). */
export async function countInChunks<T>(items: readonly T[], run: (chunk: T[]) => Promise<{ count: number }>): Promise<number> {
  let count = 0;
  for (const chunk of chunked(items)) count += (await run(chunk)).count;
  return count;
}
