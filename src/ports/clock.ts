/** The clock every use case and job takes as an argument (never Date.now() inside a rule). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
