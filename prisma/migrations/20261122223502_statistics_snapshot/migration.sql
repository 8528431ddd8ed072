-- CreateTable
CREATE TABLE "StatisticsSnapshot" (
    "scope" TEXT NOT NULL PRIMARY KEY,
    "computedAt" DATETIME NOT NULL,
    "stats" TEXT NOT NULL
);

