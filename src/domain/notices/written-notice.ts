/**
 * Written notices (书面告知): the document a decision on a case is made in — 受理告知书,
 * 不予受理告知书, 延期告知书, 答复意见书, 复查意见书. Pure: the template (county config)
 * and the values in, one self-contained HTML document out. Templates are plain text
 * with {placeholders}; the template and every value are escaped, so neither a county's
 * wording nor a citizen's text can inject markup. Paragraphs are blank-line separated.
 */

/** The contract's notice kinds (Case.notices[].kind). */
export const NOTICE_KINDS = ['accept', 'not_accept', 'extend', 'reply', 'review'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The case action that issues each kind (review: the review body's `review_reply`). */
export const NOTICE_OF_ACTION: Readonly<Record<string, NoticeKind>> = {
  accept: 'accept',
  not_accept: 'not_accept',
  extend: 'extend',
  reply: 'reply',
  review_reply: 'review',
};

/** How a notice reaches the citizen: pushed on their chat channel, or printed and handed over by staff. */
export type NoticeDelivery = 'chat' | 'print';

/** Origins registered at the desk: their notices are printed and delivered by hand. */
const DESK_ORIGINS = new Set(['letter', 'visit', 'call']);

/** A notice of a case without a chat (a letter, visit, call, or a case whose chat is gone) is printed. */
export function noticeDeliveryFor(c: { origin: string; conversationId: string | null }): NoticeDelivery {
  return DESK_ORIGINS.has(c.origin) || !c.conversationId ? 'print' : 'chat';
}

/** How staff handed a printed notice over (送达方式). */
export const HAND_DELIVERY_CHANNELS = ['in_person', 'post', 'fax', 'email', 'other'] as const;
export type HandDeliveryChannel = (typeof HAND_DELIVERY_CHANNELS)[number];

export interface NoticeTemplate {
  title: string;
  body: string;
}

export type NoticeValues = Record<string, string | number | null | undefined>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
export const escapeNoticeText = (s: string) => s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);

/** Fills {name} placeholders from values (unknown or empty: left blank), as plain text. */
export function fillTemplate(text: string, values: NoticeValues): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (_, k: string) => {
    const v = values[k];
    return v === null || v === undefined ? '' : String(v);
  });
}

/** The notice as text paragraphs (for tests and plain channels). */
export function noticeParagraphs(t: NoticeTemplate, values: NoticeValues): { title: string; paragraphs: string[] } {
  return {
    title: fillTemplate(t.title, values),
    paragraphs: fillTemplate(t.body, values)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  };
}

const STYLE = `@page{size:A4;margin:25mm 22mm}body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:15px;line-height:1.9;color:#000;max-width:760px;margin:32px auto;padding:0 16px}
@media print{body{max-width:none;margin:0;padding:0}}
h1{text-align:center;font-size:22px;letter-spacing:2px;margin:0 0 4px}.no{text-align:center;margin:0 0 24px}p{margin:0 0 10px;text-indent:2em;white-space:pre-wrap}
p.to{text-indent:0}p.sign{text-align:right;text-indent:0;margin-top:28px}`;

/** The whole HTML document: title, number line, paragraphs (first: the addressee), the issuer and date. */
export function renderNoticeHtml(
  t: NoticeTemplate,
  values: NoticeValues,
  frame: { lang: 'zh' | 'en'; numberLine: string; issuer: string; date: string },
): string {
  const { title, paragraphs } = noticeParagraphs(t, values);
  const e = escapeNoticeText;
  const [first, ...rest] = paragraphs;
  const body = [first ? `<p class="to">${e(first)}</p>` : '', ...rest.map((p) => `<p>${e(p)}</p>`)].join('\n');
  return `<!doctype html>
<html lang="${frame.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style></head>
<body><h1>${e(title)}</h1><p class="no">${e(frame.numberLine)}</p>
${body}
<p class="sign">${e(frame.issuer)}<br>${e(frame.date)}</p></body></html>`;
}
