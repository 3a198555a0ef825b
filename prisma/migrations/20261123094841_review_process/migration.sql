-- CreateEnum
CREATE TYPE "LicenseStatus" AS ENUM ('ACTIVE', 'RESTRICTED', 'SUSPENDED', 'REVOKED', 'INACTIVE');

-- CreateEnum
CREATE TYPE "AffiliationKind" AS ENUM ('HEALTH_PLAN', 'MEDICAL_GROUP', 'FACILITY', 'MANUFACTURER', 'PHYSICIAN');

-- CreateEnum
CREATE TYPE "EligibilityCriterion" AS ENUM ('ENROLLED', 'COVERED_BENEFIT', 'APPEAL_EXHAUSTED', 'FILED_IN_TIME', 'COMPLETE');

-- CreateEnum
CREATE TYPE "DeterminationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "QualityReviewResult" AS ENUM ('APPROVED', 'SENT_BACK');

-- CreateEnum
CREATE TYPE "ConfirmationChannel" AS ENUM ('PORTAL', 'API');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "facilityIdentifier" TEXT,
ADD COLUMN     "manufacturerIdentifier" TEXT,
ADD COLUMN     "manufacturerName" TEXT,
ADD COLUMN     "panelSize" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "planCaseFileCompletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "planCaseFileNotApplicable" TEXT[],
ADD COLUMN     "planCaseFileRequestedAt" TIMESTAMPTZ(3),
ADD COLUMN     "proceededWithoutCaseFileAt" TIMESTAMPTZ(3),
ADD COLUMN     "proceededWithoutCaseFileReason" TEXT,
ADD COLUMN     "specialtyNeeded" TEXT,
ADD COLUMN     "treatingGroupIdentifier" TEXT,
ADD COLUMN     "treatingGroupName" TEXT;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "caseFileItem" TEXT,
ADD COLUMN     "description" TEXT;

-- AlterTable
ALTER TABLE "ReviewerAssignment" ADD COLUMN     "attestation" TEXT,
ADD COLUMN     "offerDueAt" TIMESTAMPTZ(3),
ADD COLUMN     "offeredById" UUID,
ADD COLUMN     "replacedById" UUID;

-- AlterTable
ALTER TABLE "ReviewerProfile" ADD COLUMN     "capacity" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "credentialsVerifiedOn" DATE,
ADD COLUMN     "openDisciplinaryAction" TEXT,
ADD COLUMN     "yearsInPractice" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Specialty" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "board" TEXT NOT NULL,
    "parentCode" TEXT,

    CONSTRAINT "Specialty_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SimilarSpecialty" (
    "specialtyCode" TEXT NOT NULL,
    "similarCode" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimilarSpecialty_pkey" PRIMARY KEY ("specialtyCode","similarCode")
);

-- CreateTable
CREATE TABLE "ReviewerSpecialty" (
    "reviewerId" UUID NOT NULL,
    "specialtyCode" TEXT NOT NULL,
    "primary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ReviewerSpecialty_pkey" PRIMARY KEY ("reviewerId","specialtyCode")
);

-- CreateTable
CREATE TABLE "BoardCertification" (
    "id" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "specialtyCode" TEXT NOT NULL,
    "board" TEXT NOT NULL,
    "certifiedOn" DATE,
    "expiresOn" DATE,

    CONSTRAINT "BoardCertification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewerLicense" (
    "id" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "expiresOn" DATE NOT NULL,
    "status" "LicenseStatus" NOT NULL DEFAULT 'ACTIVE',

    CONSTRAINT "ReviewerLicense_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewerUnavailability" (
    "id" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "ReviewerUnavailability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewerAffiliation" (
    "id" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "kind" "AffiliationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "identifier" TEXT,
    "planId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewerAffiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EligibilityAnswer" (
    "caseId" UUID NOT NULL,
    "criterion" "EligibilityCriterion" NOT NULL,
    "met" BOOLEAN NOT NULL,
    "note" TEXT,
    "answeredById" UUID NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityAnswer_pkey" PRIMARY KEY ("caseId","criterion")
);

-- CreateTable
CREATE TABLE "Determination" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "status" "DeterminationStatus" NOT NULL DEFAULT 'DRAFT',
    "outcome" "DecisionOutcome",
    "partOverturned" TEXT,
    "principalReasons" TEXT,
    "clinicalRationale" TEXT,
    "references" JSONB NOT NULL DEFAULT '[]',
    "documentsConsidered" TEXT[],
    "standardOfReview" TEXT,
    "noConflictStatement" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Determination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewerNote" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewerNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityReview" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "reviewedById" UUID NOT NULL,
    "result" "QualityReviewResult" NOT NULL,
    "comments" TEXT,
    "checks" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DecisionLetter" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "documentId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID NOT NULL,
    "amendmentReason" TEXT,

    CONSTRAINT "DecisionLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceConfirmation" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "implementedOn" DATE NOT NULL,
    "authorizationNumber" TEXT NOT NULL,
    "note" TEXT,
    "confirmedById" UUID,
    "confirmedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "channel" "ConfirmationChannel" NOT NULL DEFAULT 'PORTAL',

    CONSTRAINT "ComplianceConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "apiKeyId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "statusCode" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("apiKeyId","key")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" TEXT[],
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretExpiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "endpointId" UUID NOT NULL,
    "messageId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "caseId" UUID,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "lastDurationMs" INTEGER,
    "succeededAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Specialty_parentCode_idx" ON "Specialty"("parentCode");

-- CreateIndex
CREATE INDEX "ReviewerSpecialty_specialtyCode_idx" ON "ReviewerSpecialty"("specialtyCode");

-- CreateIndex
CREATE INDEX "BoardCertification_reviewerId_idx" ON "BoardCertification"("reviewerId");

-- CreateIndex
CREATE INDEX "ReviewerLicense_reviewerId_idx" ON "ReviewerLicense"("reviewerId");

-- CreateIndex
CREATE INDEX "ReviewerUnavailability_reviewerId_idx" ON "ReviewerUnavailability"("reviewerId");

-- CreateIndex
CREATE INDEX "ReviewerAffiliation_reviewerId_idx" ON "ReviewerAffiliation"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Determination_assignmentId_key" ON "Determination"("assignmentId");

-- CreateIndex
CREATE INDEX "Determination_caseId_idx" ON "Determination"("caseId");

-- CreateIndex
CREATE INDEX "ReviewerNote_assignmentId_idx" ON "ReviewerNote"("assignmentId");

-- CreateIndex
CREATE INDEX "QualityReview_caseId_idx" ON "QualityReview"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionLetter_documentId_key" ON "DecisionLetter"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionLetter_verificationCode_key" ON "DecisionLetter"("verificationCode");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionLetter_caseId_version_key" ON "DecisionLetter"("caseId", "version");

-- CreateIndex
CREATE INDEX "ComplianceConfirmation_caseId_idx" ON "ComplianceConfirmation"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_planId_idx" ON "ApiKey"("planId");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_planId_idx" ON "WebhookEndpoint"("planId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReviewerSpecialty" ADD CONSTRAINT "ReviewerSpecialty_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "ReviewerProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardCertification" ADD CONSTRAINT "BoardCertification_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "ReviewerProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerLicense" ADD CONSTRAINT "ReviewerLicense_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "ReviewerProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerUnavailability" ADD CONSTRAINT "ReviewerUnavailability_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "ReviewerProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerAffiliation" ADD CONSTRAINT "ReviewerAffiliation_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "ReviewerProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EligibilityAnswer" ADD CONSTRAINT "EligibilityAnswer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Determination" ADD CONSTRAINT "Determination_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Determination" ADD CONSTRAINT "Determination_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewerAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerNote" ADD CONSTRAINT "ReviewerNote_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ReviewerAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityReview" ADD CONSTRAINT "QualityReview_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionLetter" ADD CONSTRAINT "DecisionLetter_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceConfirmation" ADD CONSTRAINT "ComplianceConfirmation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

