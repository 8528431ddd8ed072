import pino from "pino";

/**
 * The server's one logger: a JSON line per event on standard output, for a log collector to read.
 * No host name in each line (it is the machine's, not the event's); the time as ISO text.
 * LOG_LEVEL (default "info") quiets it, e.g. "warn" keeps only warnings and errors.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = pino.Logger;
