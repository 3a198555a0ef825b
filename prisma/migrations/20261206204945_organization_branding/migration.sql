-- CreateTable
CREATE TABLE "OrganizationBranding" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" VARCHAR(120) NOT NULL,
    "logo" BYTEA,
    "logoContentType" TEXT,
    "logoSha256" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrganizationBranding_pkey" PRIMARY KEY ("id")
);
