/**
 * Admissibility triage: court, arbitration, administrative reconsideration and
 * matters closed by re-examination (复核) have their own lawful channel; a matter
 * still handled below is not taken over (no 越级). The citizen is told why, and
 * may still have it registered.
 */
import type { ChannelTopic } from '../../guide.ts';
import type { PriorPetition } from '../../types.ts';

export function channelFor(p: PriorPetition): ChannelTopic | null {
  switch (p) {
    case 'litigation':
    case 'arbitration':
    case 'reconsideration':
      return p;
    case 'lower_level':
      return 'lowerLevel';
    case 'recheck_closed':
      return 'recheckClosed';
    default:
      return null;
  }
}
