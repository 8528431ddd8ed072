-- CreateTable
CREATE TABLE "ReviewParameters" (
    "userId" TEXT NOT NULL,
    "parameters" TEXT,
    "fittedAt" TIMESTAMP(3),
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "logLossBefore" DOUBLE PRECISION,
    "logLossAfter" DOUBLE PRECISION,
    "useDefaults" BOOLEAN NOT NULL DEFAULT false,
    "fitStartedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewParameters_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "ReviewParameters" ADD CONSTRAINT "ReviewParameters_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

