/**
 * The staff actions by name, each with the input it takes (JSON body or console
 * form: the same fields) and its use case. Validation happens here, at the edge.
 */
import { z } from 'zod';
import type { CaseAction } from '../../domain/case/lifecycle.ts';
import { AppError } from '../../domain/errors.ts';
import { parseInput } from '../../channels/http/validate.ts';
import type { CaseDto } from '../../app/cases/case-dto.ts';
import type { StaffPrincipal } from '../../app/staff-accounts/staff-principal.ts';
import { roleMayTake, type CaseActionDeps } from '../../app/cases/case-action-kit.ts';
import { acceptCase } from '../../app/cases/accept-case.ts';
import { notAcceptCase } from '../../app/cases/not-accept-case.ts';
import { transferCase } from '../../app/cases/transfer-case.ts';
import { startCaseHandling } from '../../app/cases/start-case-handling.ts';
import { addCaseNote } from '../../app/cases/add-case-note.ts';
import { extendCase } from '../../app/cases/extend-case.ts';
import { replyToCase } from '../../app/cases/reply-to-case.ts';
import { closeCase } from '../../app/cases/close-case.ts';
import { requestCaseReview } from '../../app/cases/request-case-review.ts';
import { answerReview } from '../../app/cases/answer-review.ts';
import { optionalText, requiredText } from '../text-inputs.ts';

export const MAX_NOTE = 4000;
export const MAX_ANSWER = 10_000;
export const MAX_REASON = 2000;

/** JSON true, or a checked form checkbox. */
const checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

export const ReasonSchema = z.object({ reason: requiredText(MAX_REASON) });

type Runner = (deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, body: unknown) => Promise<CaseDto>;

const action =
  <S extends z.ZodType>(schema: S, run: (deps: CaseActionDeps, who: StaffPrincipal, n: string, input: z.infer<S>) => Promise<CaseDto>): Runner =>
  (deps, who, n, body) =>
    run(deps, who, n, parseInput(schema, body ?? {}));

const ACTIONS: Record<CaseAction, Runner> = {
  accept: action(z.object({ note: optionalText(MAX_NOTE) }), acceptCase),
  not_accept: action(z.object({ reason: requiredText(MAX_REASON), channel: requiredText(MAX_REASON) }), notAcceptCase),
  transfer: action(z.object({ unit: z.string().trim().min(1).max(64), reason: requiredText(MAX_REASON) }), transferCase),
  start_handling: action(z.object({ note: optionalText(MAX_NOTE) }), startCaseHandling),
  note: action(z.object({ note: requiredText(MAX_NOTE), public: checkbox }), addCaseNote),
  extend: action(z.object({ days: z.coerce.number().int().min(1).max(365), reason: requiredText(MAX_REASON) }), extendCase),
  reply: action(z.object({ answer: requiredText(MAX_ANSWER) }), replyToCase),
  close: action(z.object({ note: optionalText(MAX_NOTE), reason: optionalText(MAX_REASON) }), closeCase),
  request_review: action(z.object({ reason: requiredText(MAX_REASON) }), requestCaseReview),
  review_reply: action(z.object({ answer: requiredText(MAX_ANSWER) }), answerReview),
};

/** `not-accept` and `not_accept` both name the action. */
export function actionNamed(raw: string): CaseAction | null {
  const name = raw.replace(/-/g, '_');
  return Object.hasOwn(ACTIONS, name) ? (name as CaseAction) : null;
}

/**
 * Runs a named action. A role that may never take it is refused before its input
 * is read, so a read-only caller always gets 403 whatever it sends.
 */
export function takeCaseAction(deps: CaseActionDeps, who: StaffPrincipal, caseNumber: string, rawAction: string, body: unknown): Promise<CaseDto> {
  const name = actionNamed(rawAction);
  if (!name) throw new AppError('not_found', `no such action "${rawAction.slice(0, 40)}"`);
  if (!roleMayTake(name, who.role)) throw new AppError('forbidden', `a ${who.role} may not take the action ${name}`);
  return ACTIONS[name](deps, who, caseNumber, body);
}
