/**
 * Admissibility triage: where the matter already is. Court, arbitration,
 * administrative reconsideration and matters closed by re-examination (复核) have
 * their own lawful channel; a matter still being handled below is not to be taken
 * over (no 越级). The citizen is told why, and may still have it registered.
 */
import type { ChannelTopic } from '../guide.ts';
import type { PriorPetition } from '../types.ts';

const RULES: [PriorPetition, RegExp][] = [
  ['recheck_closed', /复核(?:过|了|已|完|结)|已经复核|复核结论|复核意见|re-?examination (?:was|has been|is) (?:done|closed|finished|decided)|after re-?examination/i],
  ['litigation', /起诉|打官司|法院(?:已|在|正在|受理|判|立案)|判决|诉讼|上诉|\bsued\b|\bsuing\b|lawsuit|in court|court case|the court (?:ruled|is)/i],
  ['arbitration', /仲裁|arbitration/i],
  ['reconsideration', /行政复议|申请了?复议|administrative reconsideration/i],
  ['lower_level', /(?:乡|镇|村|街道|社区|乡镇|县里|部门|单位)(?:里|上|政府)?(?:正在|还在|已经在)(?:处理|调查|调解|办理|协调)|(?:being|still) (?:handled|dealt with|processed) by (?:the )?(?:township|village|office|department)/i],
  ['earlier_petition', /(?:以前|之前|上次|去年|早就|已经|多次|好几次|反复)(?:也)?(?:反映|上访|信访|投诉|举报)过|(?:petitioned|complained|reported) (?:before|earlier|many times|several times)/i],
];

export function detectPriorPetition(text: string): PriorPetition | null {
  for (const [kind, re] of RULES) if (re.test(text)) return kind;
  return null;
}

/** Answers to "has it been handled elsewhere?" that mean no. */
export const NO_PRIOR = /^(?:没有|没|无|不是|第一次|头一回|首次|从来没有|没反映过|no|none|never|first time|not yet)/i;

/** The lawful channel to explain for a prior-handling kind, or null when filing is the right path. */
export function channelFor(p: PriorPetition): ChannelTopic | null {
  switch (p) {
    case 'litigation':
      return 'litigation';
    case 'arbitration':
      return 'arbitration';
    case 'reconsideration':
      return 'reconsideration';
    case 'lower_level':
      return 'lowerLevel';
    case 'recheck_closed':
      return 'recheckClosed';
    default:
      return null;
  }
}
