-- AlterEnum
ALTER TYPE "DeadlineKind" ADD VALUE 'OPINIONS';

