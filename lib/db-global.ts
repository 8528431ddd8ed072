/**
 * Where lib/server/db.ts keeps the process-wide Prisma client: on globalThis, so it survives hot
 * reloads, and so scripts/serve.ts (outside Next's bundles) can close it on shutdown.
 */
const holder = globalThis as unknown as { quizDb?: { $disconnect(): Promise<void> } };

export function dbHolder<T>(): { quizDb?: T } {
  return holder as unknown as { quizDb?: T };
}

/** Closes the client if one was opened; nothing to do otherwise. */
export async function disconnectDb(): Promise<void> {
  const client = holder.quizDb;
  holder.quizDb = undefined;
  await client?.$disconnect();
}
