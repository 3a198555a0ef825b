-- CreateIndex
CREATE INDEX "Case_track_nextDeadlineDueAt_id_idx" ON "Case"("track" DESC, "nextDeadlineDueAt", "id");

