-- CreateTable
CREATE TABLE "ConflictClearance" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "matchKeys" TEXT[],
    "reason" TEXT NOT NULL,
    "clearedById" UUID NOT NULL,
    "clearedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConflictClearance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConflictClearance_caseId_reviewerId_idx" ON "ConflictClearance"("caseId", "reviewerId");

-- AddForeignKey
ALTER TABLE "ConflictClearance" ADD CONSTRAINT "ConflictClearance_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictClearance" ADD CONSTRAINT "ConflictClearance_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

