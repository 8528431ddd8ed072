-- CreateTable
CREATE TABLE "ReviewParameters" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "parameters" TEXT,
    "fittedAt" DATETIME,
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "logLossBefore" REAL,
    "logLossAfter" REAL,
    "useDefaults" BOOLEAN NOT NULL DEFAULT false,
    "fitStartedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewParameters_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

