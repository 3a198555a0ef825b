-- DropIndex
DROP INDEX "Publication_status_year_idx";

-- CreateIndex
CREATE INDEX "Publication_status_year_number_outcome_disputeType_track_di_idx" ON "Publication"("status", "year", "number", "outcome", "disputeType", "track", "diagnosisCategory", "treatmentCategory", "ageRange", "gender", "planId");

-- CreateIndex
CREATE INDEX "Publication_status_diagnosisCategory_treatmentCategory_idx" ON "Publication"("status", "diagnosisCategory", "treatmentCategory");

