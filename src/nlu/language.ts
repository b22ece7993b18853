/** Which language a message is in, by script: good enough for a zh/en bot. */
import type { Locale } from './intents.ts';

// CJK Unified Ideographs, Extension A and the compatibility block.
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
// Latin letters in ASCII, full-width and Latin-1/Extended ranges.
const LATIN = /[A-Za-z\uff21-\uff3a\uff41-\uff5a\u00c0-\u024f]/u;

/**
 * zh when the text has CJK ideographs (a Chinese message with English words is still
 * Chinese) unless they are a few inside an English sentence; en when it has Latin
 * letters and no ideograph; otherwise the fallback: digits, emoji and punctuation keep
 * the conversation's language.
 */
export function detectLocale(text: string, fallback: Locale): Locale {
  // A case number, a passport or ID number, a code ("XF202611270001", "E12345678", "…002X") is no English.
  const words = text.replace(/\b[A-Za-z]{0,3}\d[\dA-Za-z-]*\b/g, ' ');
  if (CJK.test(text)) {
    // "my chinese name 玛丽亚", "the 低保 was cut": a few Chinese words inside English stay English.
    const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
    const latin = (words.match(/[A-Za-z]{2,}/g) ?? []).length;
    // A bare name or place in Chinese (≤ 3 characters) answering an English question keeps English.
    // (A word that is itself Chinese talk — "你好", "谢谢", "是的" — switches to Chinese.)
    if (fallback === 'en' && latin === 0 && han <= 3 && !/^(?:你好|您好|谢谢|再见|是的?|好的?|对的?|不是|不对|嗯|没有|有|行|可以|不|取消|人工|帮助|在吗|你是谁)[。.!！?？~]*$/.test(text.trim())) return 'en';
    return latin >= 3 && han <= latin && (fallback === 'en' || latin >= 2 * han) ? 'en' : 'zh';
  }
  // ("wo de gaoling butie mei le", "ti jiao": Chinese typed in pinyin, in a Chinese conversation, stays Chinese.)
  if (fallback === 'zh' && isPinyin(words)) return 'zh';
  if (LATIN.test(words)) return 'en';
  return fallback;
}

/** A pinyin syllable (without tones): initial and final. */
const SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|i|u|v|ai|ei|ao|ou|an|en|ang|eng|ong|er|ia|ie|iao|iu|ian|in|iang|ing|iong|ua|uo|uai|ui|uan|un|uang|ue|ve)$/;

/** Whether a Latin text reads as pinyin: every word made of pinyin syllables, and some word no English word. */
function isPinyin(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length === 0) return false;
  const split = (w: string): boolean => w === '' || [6, 5, 4, 3, 2, 1].some((n) => n <= w.length && SYLLABLE.test(w.slice(0, n)) && split(w.slice(n)));
  const english = /^(?:i|a|an|the|he|she|me|we|be|go|no|so|do|to|in|on|an|and|man|men|ten|pen|hen|long|gang|bang|hang|sang|ban|can|fan|pan|tan|den|bin|fin|pin|tin|win|wing|king|ring|sing|ding|ping|shin|chin|thin|ha|hi|oh|ok|yes|bye|bus|she|hai|ai)$/;
  return words.every(split) && words.some((w) => !english.test(w)) && words.length >= 2;
}
