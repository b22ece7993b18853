/**
 * What a form is: a declarative list of steps (slots and gates such as consent),
 * how a message fills the others, the summary and the submission. The loop in
 * run-form.ts does the rest for every form — read, validate, correct, answer a
 * question in the middle, ask the next missing step, summarise, confirm, submit.
 */
import type { Entity, EntityType } from '../../nlu/extractors/types.ts';
import type { MessageKey } from '../catalog/catalog.ts';
import type { ConversationState, Effect, EffectEvent, Expecting, FormName, FormState, Locale, Reply, TurnContext, TurnResult } from '../types.ts';

/** The part of a message that answers (questions taken out), with its entities. */
export interface Words {
  text: string;
  entities: Entity[];
}

export interface FormContext extends TurnContext {
  locale: Locale;
  state: ConversationState;
}

/**
 * How a message answers a step: a value (with replies to show, e.g. a warning),
 * a failed try (what was wrong), or nothing for this step at all. `end` closes the
 * form on the citizen's own choice (e.g. "不登记了" after the lawful channel).
 */
export type Reading =
  | { ok: true; value: unknown; note?: string; replies?: Reply[]; end?: { replies: Reply[]; effects: Effect[] } }
  | { ok: false; replies?: Reply[] };

export interface GiveUp {
  form: FormState;
  replies: Reply[];
  effects?: Effect[];
  /** The form cannot go on without this step (a case number never given): it closes with these replies. */
  end?: boolean;
}

export interface Step {
  name: string;
  /** The contract's `expecting` while this step is asked. */
  expecting: Expecting | null;
  /** Whether the step is still to be asked, given what the form holds. */
  due(form: FormState, ctx: FormContext): boolean;
  /** The answer to this step in the citizen's words, or null when the words hold none. */
  read(words: Words, form: FormState, ctx: FormContext): Reading | null;
  /** Writes a value read (default: slots[name] = value). */
  apply?(form: FormState, value: unknown, ctx: FormContext): FormState;
  /** The question; `again`: the second time after a failed answer, with an example and a way out. */
  ask(form: FormState, ctx: FormContext, again: boolean): Reply[];
  /**
   * The third time instead of asking again: keep the citizen's words where the step
   * allows it, skip it, or hand over to a person — and move on.
   */
  giveUp(form: FormState, words: string, ctx: FormContext): GiveUp;
  /** A button of this step (`<name>:<arg>`): the value it stands for, or undefined. */
  press?(arg: string, form: FormState, ctx: FormContext): unknown;
  /** Answers are free text (facts, demands): a question in them is a question only when short. */
  free?: boolean;
  /**
   * For free text said beside a question: whether these words answer the step at all
   * ("我没有检测报告…这个算材料不？" is context for the question, not the demand).
   */
  plausible?(words: Words, form: FormState, ctx: FormContext): boolean;
  /** Optional slots take "skip" and a refusal as an answer (null). */
  optional?: boolean;
  /** A correction gives this step's reader the whole sentence (it reads "不是X，是Y" itself), not a clause of it. */
  readsWhole?: boolean;
  /** Its value is one entity (a phone, an ID number): a correction takes the last one said, whatever the words around it. */
  entity?: EntityType;
  /** Shown, never asked or edited (the grid worker's own township). */
  fixed?: boolean;
  /** Shown in the summary and named in corrections. */
  field?: {
    label: MessageKey;
    /** Words citizens use for this field when they correct it ("地点", "phone"). */
    words: RegExp;
    show(form: FormState, ctx: FormContext): string;
    /** Hidden from the summary (e.g. respondent of a non-conduct matter). */
    hidden?(form: FormState, ctx: FormContext): boolean;
    /** One more named beside the value joins it instead of replacing it: as another one ("被反映的还有乡政府"),
     * or as more of the same ("地点加上东湖桥边上"). */
    joins?: 'another' | 'more';
  };
}

export interface Mined {
  /** Values for slots (written through each step's apply). */
  values: Record<string, unknown>;
  /** Values that replace what a slot holds (more of a story that was only an introduction). */
  replaced?: Record<string, unknown>;
  replies?: Reply[];
}

export interface FormSpec {
  name: FormName;
  steps: readonly Step[];
  /** Every other slot a message fills (only empty ones are taken). */
  mine(words: Words, form: FormState, ctx: FormContext, asking: string | null): Mined;
  /** A summary to confirm before submitting; without one the form submits when nothing is due. */
  summary?: {
    title: MessageKey;
    ask: MessageKey;
    submitLabel: MessageKey;
    footnote?(form: FormState, ctx: FormContext): string | null;
    /** Said before the summary when it is first shown (the petition: the three understandings). */
    preface?(form: FormState, ctx: FormContext): Reply | null;
  };
  /** The effect that commits the form; null while something required is missing. */
  submit(form: FormState, ctx: FormContext): Effect | null;
  /** A typed cancel is confirmed first (drafts); small forms just stop. */
  confirmCancel: boolean;
  cancelled: MessageKey;
  /** Words said when the form resumes after something else (a case lookup, a question). */
  back?: MessageKey;
  /** An effect's event for this form (e.g. the case number after the commit). */
  onEvent?(state: ConversationState, form: FormState, event: EffectEvent, ctx: FormContext): TurnResult | null;
  /**
   * Words that answer nothing asked and fill no slot, but still belong to the form
   * (more of the story: "补一句，…"): taken in, with what to say; null leaves them unread.
   */
  absorb?(words: Words, form: FormState, ctx: FormContext): { form: FormState; replies: Reply[] } | null;
  /** An answer to an earlier question, said where the asked one cannot read it. */
  lateAnswer?(words: Words, form: FormState, ctx: FormContext): { form: FormState; replies: Reply[] } | null;
  /** Words that announce more of the story ("补充一句"): on the summary they go to `absorb`, not to the answer. */
  addsMore?: RegExp;
  /** Fields the miner may still fill from a message that corrected something ("…13 households… Representatives are me and Zhou"). */
  minedBesideCorrections?: readonly string[];
  /** The form's own view of a message's corrections (e.g. a phone that is a representative's, not the citizen's). */
  revise?(corrections: Correction[], words: Words, form: FormState, ctx: FormContext): Correction[];
  /** Older or channel-specific button payloads, mapped to the engine's (`scr:confirm` → `confirm:yes`). */
  alias?(payload: string): string;
  /** Replies before the first question (e.g. the three understandings). */
  intro?(form: FormState, ctx: FormContext): Reply[];
}

export interface Correction {
  step: Step;
  reading: Extract<Reading, { ok: true }>;
}

export const CONFIRM = 'confirm';
export const CANCEL_CHECK = 'cancelCheck';
