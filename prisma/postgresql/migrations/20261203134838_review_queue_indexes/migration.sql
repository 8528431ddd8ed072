-- CreateIndex
CREATE INDEX "ReviewCard_userId_state_origin_createdAt_position_factId_idx" ON "ReviewCard"("userId", "state", "origin" DESC, "createdAt", "position", "factId");

-- CreateIndex
CREATE INDEX "ReviewCard_userId_lessonSlug_state_due_idx" ON "ReviewCard"("userId", "lessonSlug", "state", "due");

