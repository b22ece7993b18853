/** Written notices, pure: template filling, escaping, the document's frame, print marking. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_TEMPLATES } from '../../../src/domain/notices/default-templates.ts';
import { fillTemplate, NOTICE_KINDS, NOTICE_OF_ACTION, noticeDeliveryFor, noticeParagraphs, renderNoticeHtml } from '../../../src/domain/notices/written-notice.ts';
import { readCountyConfig } from '../../../src/county-config-file.ts';

const frame = { lang: 'zh' as const, numberLine: '案件编号：XF202612070001', issuer: '县自然资源局', date: '2026年12月7日' };

describe('written notices', () => {
  it('fills placeholders, leaving unknown or empty ones blank', () => {
    expect(fillTemplate('{a}，{b}{missing}。', { a: '张三', b: 3, c: null })).toBe('张三，3。');
  });

  it('splits paragraphs on blank lines; the first addresses the petitioner', () => {
    const { title, paragraphs } = noticeParagraphs({ title: '告知书{n}', body: '{p}：\n\n第一段\n\n\n第二段\n' }, { n: '一', p: '李四' });
    expect(title).toBe('告知书一');
    expect(paragraphs).toEqual(['李四：', '第一段', '第二段']);
  });

  it('escapes every value and the template itself', () => {
    const html = renderNoticeHtml({ title: '<h1>{t}', body: '{p}：\n\n{answer}' }, { t: '"x"', p: '<b>王</b>', answer: `<script>alert('x')</script> & \`y\`` }, frame);
    expect(html).not.toMatch(/<script>|<b>|<h1><h1>/);
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#96;y&#96;');
    expect(html).toContain('<p class="to">&lt;b&gt;王&lt;/b&gt;：</p>');
    expect(html).toContain('<title>&lt;h1&gt;&quot;x&quot;</title>');
    expect(html).toContain('<p class="sign">县自然资源局<br>2026年12月7日</p>');
    expect(html).toContain('lang="zh-CN"');
  });

  it('has a template per kind and language, the defaults in the parsed demo county', () => {
    const county = readCountyConfig();
    for (const k of NOTICE_KINDS) {
      expect(county.noticeTemplates[k]).toEqual(DEFAULT_NOTICE_TEMPLATES[k]);
      expect(DEFAULT_NOTICE_TEMPLATES[k].en.title + DEFAULT_NOTICE_TEMPLATES[k].en.body).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.values(NOTICE_OF_ACTION).sort()).toEqual([...NOTICE_KINDS].sort());
    expect(NOTICE_OF_ACTION.review_reply).toBe('review');
  });

  it('a desk case, or one without a chat, is printed; a chat case is not', () => {
    for (const origin of ['letter', 'visit', 'call']) expect(noticeDeliveryFor({ origin, conversationId: 'c' })).toBe('print');
    expect(noticeDeliveryFor({ origin: 'petition', conversationId: 'c' })).toBe('chat');
    expect(noticeDeliveryFor({ origin: 'screening', conversationId: null })).toBe('print');
  });
});
