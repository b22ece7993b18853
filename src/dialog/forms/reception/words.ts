/**
 * How citizens ask about leaders' reception days and ask to book one: "领导哪天接访？",
 * "我想见县长", "县长什么时候接待", "when can I meet the county leader?" ask; "预约接访",
 * "我想约个时间见县长", "book a slot with the county head" book. "找你们领导",
 * "叫你们领导来" ask for a person now (a hand-over), not for a reception day.
 */
const LEADER_ZH = '(?:县长|县委书记|书记|副县长|县领导|大领导|领导|局长|信访局长|一把手)';

export const RECEPTION_ASK = new RegExp(
  [
    `领导[^，。？?]{0,6}(?:接访|接待日|接见)`,
    `(?:接访|接待)日`,
    `(?:想|要|能|可以|怎么|咋|咋样|如何|去|才能|哪天能|什么时候能|啥时候能)(?:才能)?(?:当面)?(?:见|面见|见到|见上|见着)(?:一下|一面|一次|上)?(?:你们|咱)?(?:的)?${LEADER_ZH}`,
    `${LEADER_ZH}(?:哪天|哪一天|什么时候|啥时候|几号|每个?月)[^，。？?]{0,4}(?:接访|接待|接见|见(?:人|群众|老百姓))`,
    `\\b(?:meet|see|talk to|speak (?:to|with)|get to)\\b[^.?!]{0,20}\\b(?:county (?:leader|head|chief|mayor|magistrate|party secretary)s?|leaders?|mayor|magistrate|party secretary|bureau director)\\b`,
    `\\bleaders?'?s? (?:reception|visiting|open) days?\\b|\\breception days?\\b`,
    `\\bwhen (?:do|does|will|can)\\b[^.?!]{0,20}\\b(?:leaders?|county head|mayor)\\b[^.?!]{0,20}\\b(?:receive|meet|see)\\b`,
  ].join('|'),
  'i',
);

export const RECEPTION_BOOK = new RegExp(
  [
    `预约(?:一下|个)?(?:接访|领导|县长|副县长|书记|局长|见|时间|号|名额)`,
    `(?:接访|见领导|见县长|领导接待)[^，。？?]{0,6}(?:预约|报名|挂号|排号|约)`,
    `约(?:个|一下)?(?:时间)?(?:去)?见(?:一下)?${LEADER_ZH}`,
    `\\b(?:book|reserve)\\b[^.?!]{0,30}\\b(?:slot|reception|leader|appointment|meeting|county head|mayor|director|place)\\b`,
    `\\b(?:make|get) an appointment\\b[^.?!]{0,30}\\b(?:leader|county head|mayor|director|reception)\\b`,
  ].join('|'),
  'i',
);

/** Not a reception day but a person now: "找你们领导", "叫你们领导来", "get me your leader". */
const PERSON_NOW = /(?:找|叫|让)(?:你们|一下)?(?:的)?(?:值班)?领导(?:来|接电话|听电话|给我)?\s*$|\b(?:get|put) (?:me )?(?:your|the duty) leader\b/i;

export type ReceptionWish = 'ask' | 'book' | null;

/** "要提前报名不", "can I book?": whether one may book is asked, not a booking. */
const WHETHER = /(?:吗|么|不|没)[？?。\s]*$|\b(?:can|could|may|do|does|must) (?:i|we|one|you)\b[^.!]*\?\s*$|\b(?:need to|have to)\b[^.!]*\?\s*$/i;

export function receptionWish(text: string): ReceptionWish {
  if (PERSON_NOW.test(text.trim())) return null;
  if (RECEPTION_BOOK.test(text)) return WHETHER.test(text.trim()) ? 'ask' : 'book';
  return RECEPTION_ASK.test(text) ? 'ask' : null;
}
