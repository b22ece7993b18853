/**
 * Small lexical signals the intake form needs beyond intents and entities:
 * corrections, refusals, "just me", questions, and where a demand starts.
 * Patterns are deliberately short lists; each is tested.
 */
const CORRECTION = /说错|写错|搞错|打错|弄错|记错|不对|更正|改一下|改成|改为|应该是|其实是|重新说|不是.{1,12}[，,、 ]*(?:而)?是|\bsorry\b|\bwrong\b|\bmistake\b|\bactually\b|\bcorrect(?:ion)?\b|\bchange\b|\bnot\b.{1,30}\bbut\b|\binstead\b/i;
const REFUSAL = /^(?:不想|不愿意?|不方便|不提供|不给|不用|没有|没|无|算了|跳过|略|保密|不说|不告诉你|不清楚|不知道|skip|no|none|nope|n\/a|i'?d rather not|rather not|prefer not|don'?t want)/i;
const ONLY_ME = /^(?:就?(?:我|俺)(?:自己|一个人?|本人)|只有(?:我|俺)(?:自己|一个人?)?|一个人|本人|个人|(?:just|only) me|myself|me alone|just myself|one person|1)$/i;
const QUESTION = /[?？]|吗|么|怎么|怎样|如何|多久|多长|哪里|什么|能不能|可不可以|可以.{0,6}吗|是否|\b(?:how|what|when|where|why|can i|could i|may i|is it|do i|should i)\b/i;
const DEMAND = /(?:我们?|俺们?)?(?:要求|希望|请求|诉求是?|恳请|请政府|请领导|想让|想要|盼望|要他们|要求他们|让他们|\bi (?:want|demand|ask|hope|request|would like)\b|\bwe (?:want|demand|ask|hope|request|would like)\b|\bplease\b)/i;

const STOP = /不办了|不反映了|不投诉了|不登记了?|不弄了|不告了|不搞了|取消|退出|撤回|重新开始|\bcancel\b|\bquit\b|\bstop\b|forget it|start over/i;

export const isCorrection = (text: string) => CORRECTION.test(text);
/** Explicit words for abandoning the whole process (stronger than declining one question). */
export const isStopRequest = (text: string) => STOP.test(text);
export const isRefusal = (text: string) => REFUSAL.test(text.trim().replace(/[。.!！~～]+$/, ''));
export const isOnlyMe = (text: string) => ONLY_ME.test(text.trim().replace(/[。.!！~～，,]+$/, ''));
export const looksLikeQuestion = (text: string) => QUESTION.test(text);

/** The demand clause of a narrative ("…，要求尽快发放补偿款。") or null. */
export function demandClause(text: string): string | null {
  const m = DEMAND.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index);
  const end = rest.search(/[。！!？?\n]|$/);
  const clause = rest.slice(0, end).trim();
  return clause.length >= 4 ? clause : null;
}

/** Whether the words before a span negate it ("不是东湖，是西山", "not Donghu"). */
export function negatedBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start);
  return /不是|并非|而非|非$|\bnot\s*$|\bno\s*,?\s*$|isn'?t\s*$/i.test(before);
}

/** Size from which a message counts as telling the matter (a narrative). */
export const NARRATIVE_SIZE = 20;

/** Counts meaningful characters: a CJK ideograph counts one, a Latin word two. */
export function contentSize(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const words = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  return cjk + words * 2;
}

/** Opening phrases that only announce a petition ("我要反映问题", "I want to complain"). */
const ANNOUNCE =
  /^(?:(?:你好|您好|喂|在吗|hello|hi|hey|good (?:morning|afternoon|evening))[,，!！。\s]*)*(?:(?:我|俺)(?:想|要)|i (?:want|would like|need|wish) to|i'd like to)\s*(?:反映|投诉|信访|上访|举报|申诉|告状|咨询|登记|file|make|submit|lodge|report|complain|petition)?\s*(?:一下|个)?\s*(?:问题|情况|事情|一件事|a (?:petition|complaint)|an? (?:issue|problem|matter)|something)?[。.!！\s]*$/i;

export const isBareAnnouncement = (text: string) => ANNOUNCE.test(text.trim());

/** A village/community/street written in a message ("东湖镇李家村", "幸福小区3栋"). */
export function findAddress(text: string): string | null {
  const m = /([\u4e00-\u9fa5]{1,8}(?:村(?:委会)?|社区|小区|组|街道?|路|巷|屯|庄)(?:[\u4e00-\u9fa5\d]{0,6}(?:号|组|栋|幢|单元))?)/.exec(text);
  if (!m) return null;
  // Strip a leading township or filler so only the place remains.
  return m[1]!.replace(/^.*?(?:镇|乡|县城|在|住|是|的)(?=[\u4e00-\u9fa5]{2,})/, '');
}
