import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { authLogger } from "./auth-logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: pino({ base: undefined }, stream) };
}

describe("next-auth logger", () => {
  it("logs an ended session as a one-line warning without a stack", () => {
    const { lines, log } = capture();
    authLogger(log).error!("JWT_SESSION_ERROR", new Error("This session has ended.") as never);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, code: "JWT_SESSION_ERROR", reason: "This session has ended." });
    expect(JSON.stringify(lines[0])).not.toContain("stack");
  });

  it("keeps any other next-auth error an error with its stack", () => {
    const { lines, log } = capture();
    authLogger(log).error!("SIGNOUT_ERROR", new Error("database went away") as never);
    expect(lines[0]).toMatchObject({ level: 50, code: "SIGNOUT_ERROR" });
    expect((lines[0].err as { stack: string }).stack).toContain("database went away");
  });
});
