/**
 * A case created at most once per submission key: the key seen before returns that
 * case; two concurrent submissions with one key meet the unique index, and the loser
 * returns the winner's case instead of an error (a double click, a resent form).
 */
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { isUniqueViolation } from "./case-repository.ts";
import type { CreatedCase } from "../../ports/case-ports.ts";

export async function createOnce(
  prisma: PrismaClient,
  key: string | null,
  create: () => Promise<CreatedCase>,
): Promise<CreatedCase> {
  const existing = await existingCase(prisma, key);
  if (existing) return existing;
  try {
    return await create();
  } catch (err) {
    const winner = isUniqueViolation(err)
      ? await existingCase(prisma, key)
      : null;
    if (winner) return winner;
    throw err;
  }
}

async function existingCase(
  prisma: PrismaClient,
  key: string | null,
): Promise<CreatedCase | null> {
  if (!key) return null;
  const row = await prisma.case.findUnique({
    where: { submissionKey: key },
    select: { id: true, caseNumber: true },
  });
  return row ? { ...row, created: false } : null;
}
