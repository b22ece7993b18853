/** Every form the engine runs, by name. */
import type { FormSpec } from '../form/spec.ts';
import type { FormName } from '../types.ts';
import { ratingSpec, reviewSpec, supplementSpec } from './case-lookup/citizen-actions.ts';
import { lookupSpec } from './case-lookup/lookup-form.ts';
import { intakeSpec } from './intake/intake-form.ts';
import { screeningSpec } from './screening/screening-form.ts';
import { receptionSpec } from './reception/reception-form.ts';

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
