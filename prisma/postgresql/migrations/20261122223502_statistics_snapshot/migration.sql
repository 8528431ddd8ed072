-- CreateTable
CREATE TABLE "StatisticsSnapshot" (
    "scope" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "stats" TEXT NOT NULL,

    CONSTRAINT "StatisticsSnapshot_pkey" PRIMARY KEY ("scope")
);

