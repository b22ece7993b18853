export type EntityType =
  | 'phone'
  | 'id_number'
  | 'case_number'
  | 'date'
  | 'people_count'
  | 'township'
  | 'person_name';

/**
 * An entity found in a message. `start`/`end` are UTF-16 offsets into the
 * original text (end exclusive). `valid: false` marks a recognised but defective
 * value (an ID number whose checksum or birth date is wrong) so the dialogue can
 * say what is wrong; `reason` then names the defect.
 */
export interface Entity {
  type: EntityType;
  value: string | number;
  start: number;
  end: number;
  valid?: boolean;
  reason?: string;
}

export interface ExtractContext {
  now: Date;
  townships: ReadonlyArray<{ name: string; aliases: readonly string[] }>;
  /** Local time of the county for relative dates; default 480 (China Standard Time). */
  utcOffsetMinutes?: number;
}

export type Extractor = (text: string, ctx: ExtractContext) => Entity[];
