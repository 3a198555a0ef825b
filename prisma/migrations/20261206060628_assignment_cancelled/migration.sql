-- AlterEnum
ALTER TYPE "AssignmentStatus" ADD VALUE 'CANCELLED';

