/**
 * "我刚说了", "前面跟你讲过了", "I already told you": words that point back at something said
 * before. One phrase list; the engine and the forms compose it with their own extras.
 */
export const SAID_BEFORE_WORDS = String.raw`(?:(?:我|俺)?(?:刚才|刚刚|刚|前面|前头|之前|上面|一开始|一开头|早就|早)(?:不是)?(?:都|就|已经)?(?:跟你|和你|给你)?(?:说|讲|告诉你)(?:过)?了?|(?:我|俺)(?:都)?说(?:过)?了|说过了|不是说了(?:吗|嘛)?|\b(?:as i (?:said|told you)|like i said|i (?:already |just )?(?:told|said to) you|(?:just |already )?told you|i (?:already |just )?said(?: it)?|i said already|already said)\b)`;

/** Anywhere in the words: they point back. */
export const POINTS_BACK = new RegExp(SAID_BEFORE_WORDS, 'i');

/** Particles that close the phrase ("说了啊", "说过了嘛"). */
export const SAID_BEFORE_TAIL = '(?:啊|呀|嘛|吗|么|的)?';
