import type { TestProject } from "vitest/node";
import { createTestDatabase, type TestProvider } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseProvider: TestProvider;
  }
}

/** One migrated database per run, for the provider in TEST_DB_PROVIDER (sqlite by default). */
export default async function setup(project: TestProject) {
  const provider = (process.env.TEST_DB_PROVIDER ?? "sqlite") as TestProvider;
  const database = await createTestDatabase(provider);
  project.provide("databaseUrl", database.url);
  project.provide("databaseProvider", provider);
  console.log(`integration tests on ${provider}`);
  return () => database.drop();
}
