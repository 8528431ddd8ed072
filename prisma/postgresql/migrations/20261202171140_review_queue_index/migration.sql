-- CreateIndex
CREATE INDEX "ReviewCard_userId_state_due_idx" ON "ReviewCard"("userId", "state", "due");

