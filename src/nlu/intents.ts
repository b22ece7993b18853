/** The contract's intent names (spec/contract.md, NLU), in contract order. */
export const INTENTS = [
  'greet',
  'goodbye',
  'thanks',
  'affirm',
  'deny',
  'cancel',
  'help',
  'petition_start',
  'case_status',
  'case_supplement',
  'complaint_review',
  'guide_procedure',
  'guide_conduct',
  'guide_rights',
  'handoff_human',
  'out_of_scope',
] as const;

export type IntentName = (typeof INTENTS)[number];

export type Locale = 'zh' | 'en';

export const isIntentName = (s: string): s is IntentName => (INTENTS as readonly string[]).includes(s);
