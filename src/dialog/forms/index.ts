/** Every form the engine runs, by name. */
import type { FormSpec } from '../form/spec.ts';
import type { FormName } from '../types.ts';
import { ratingSpec, reviewSpec, supplementSpec } from './follow-up/actions.ts';
import { lookupSpec } from './follow-up/lookup.ts';
import { intakeSpec } from './intake/index.ts';
import { screeningSpec } from './screening/index.ts';
import { receptionSpec } from './reception/index.ts';

const SPECS: Readonly<Record<FormName, FormSpec>> = {
  intake: intakeSpec,
  screening: screeningSpec,
  lookup: lookupSpec,
  supplement: supplementSpec,
  review: reviewSpec,
  rating: ratingSpec,
  reception: receptionSpec,
};

export const specOf = (name: FormName): FormSpec => SPECS[name];
