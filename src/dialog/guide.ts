/**
 * The three understandings and lawful channels from the county config, with the
 * config's numbers filled in so a text never contradicts the rules.
 */
import type { CountyConfig, Guide } from '../domain/county/schema.ts';
import { fill } from './catalog/define.ts';
import type { Locale } from './types.ts';

export type GuideTopic = 'procedure' | 'conduct' | 'rights' | 'summary' | 'emergency' | 'officeHours';
export type ChannelTopic = keyof Guide['channels'];

function numbers(cfg: CountyConfig): Record<string, number> {
  const d = cfg.deadlines;
  return {
    registerDays: d.registerDays,
    acceptDays: d.acceptDays,
    handleDays: d.handleDays,
    maxExtensionDays: d.maxExtensionDays,
    reviewRequestDays: d.reviewRequestDays,
    reviewAnswerDays: d.reviewAnswerDays,
    recheckRequestDays: d.recheckRequestDays,
    recheckAnswerDays: d.recheckAnswerDays,
    maxRepresentatives: cfg.rules.maxRepresentatives,
    groupThreshold: cfg.rules.groupThreshold,
  };
}

const guideOf = (cfg: CountyConfig): Guide => cfg.guide;

export function guideText(cfg: CountyConfig, topic: GuideTopic, locale: Locale): string {
  return fill(guideOf(cfg)[topic][locale], numbers(cfg));
}

export function channelText(cfg: CountyConfig, topic: ChannelTopic, locale: Locale): string {
  return fill(guideOf(cfg).channels[topic][locale], numbers(cfg));
}

export function remedyBody(cfg: CountyConfig, which: 'reviewBody' | 'recheckBody', locale: Locale): string {
  return fill(guideOf(cfg).remedies[which][locale], numbers(cfg));
}

export const guideVersion = (cfg: CountyConfig) => guideOf(cfg).version;
