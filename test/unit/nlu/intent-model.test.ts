import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/nlu/corpus.ts';
import { readCachedModel } from '../../../src/nlu/intent-model-cache.ts';
import { INTENTS, loadIntentModel, type IntentModel, type IntentName } from '../../../src/nlu/intent-model.ts';

/** Written for this test, none of them in intents/: the model must generalise, not recall. */
const UNSEEN: ReadonlyArray<readonly ['zh' | 'en', IntentName, string]> = [
  ['zh', 'greet', '您好呀 有人在线吗'],
  ['zh', 'greet', '喂 信访局吗 你好'],
  ['en', 'greet', 'hello good afternoon'],
  ['en', 'greet', 'hi, anybody there?'],
  ['zh', 'goodbye', '行 那我先走了 拜拜'],
  ['zh', 'goodbye', '好的 下次再聊 再见'],
  ['en', 'goodbye', 'ok bye bye then'],
  ['en', 'goodbye', 'see you later, goodbye'],
  ['zh', 'thanks', '太谢谢你们了'],
  ['zh', 'thanks', '感谢你的耐心'],
  ['en', 'thanks', 'thank you so much for the help'],
  ['en', 'thanks', 'many thanks, appreciated'],
  ['zh', 'affirm', '好'],
  ['zh', 'affirm', '嗯'],
  ['zh', 'affirm', '对的'],
  ['zh', 'affirm', '是的 没错'],
  ['en', 'affirm', 'yes'],
  ['en', 'affirm', 'ok'],
  ['en', 'affirm', 'yes that is correct'],
  ['zh', 'deny', '不要了'],
  ['zh', 'deny', '不是的 不对'],
  ['en', 'deny', 'no'],
  ['en', 'deny', 'no, that is not right'],
  ['zh', 'cancel', '算了'],
  ['zh', 'cancel', '不想办了 取消吧'],
  ['en', 'cancel', 'cancel everything and start again'],
  ['en', 'cancel', 'stop, i do not want to file this'],
  ['zh', 'help', '这个机器人能帮我干什么'],
  ['zh', 'help', '怎么用这个 教一下'],
  ['en', 'help', 'what can this bot do for me'],
  ['en', 'help', 'show me the menu please'],
  ['zh', 'petition_start', '我家的承包地被邻村的人强占了 找村里也不管 我要反映'],
  ['zh', 'petition_start', '厂里拖欠我们三个月工资了 老板跑了 电话13912345678'],
  ['en', 'petition_start', 'i want to file a complaint about the factory polluting our river'],
  ['en', 'petition_start', 'our landlord kicked us out without returning the deposit'],
  ['zh', 'case_status', '我上个月提交的信访件现在到哪一步了'],
  ['zh', 'case_status', '帮我查一下XF202611270001的进度'],
  ['en', 'case_status', 'what is the progress on my petition'],
  ['en', 'case_status', 'has anyone looked at my complaint yet'],
  ['zh', 'case_supplement', '我想给之前的投诉补充几张照片'],
  ['zh', 'case_supplement', '上次漏了一个证人的电话 要补上'],
  ['en', 'case_supplement', 'i want to add some new evidence to my case'],
  ['en', 'case_supplement', 'can i upload more photos for the complaint i made'],
  ['zh', 'complaint_review', '对你们的答复不满意 我要申请复查'],
  ['zh', 'complaint_review', '镇里给的处理结果根本不公平 我不接受'],
  ['en', 'complaint_review', 'i am not satisfied with the reply and want a review'],
  ['en', 'complaint_review', 'the answer to my case is unfair, i want to appeal'],
  ['zh', 'guide_procedure', '信访一般要多长时间能有答复'],
  ['zh', 'guide_procedure', '上访的流程是怎样的'],
  ['en', 'guide_procedure', 'how long does the bureau take to answer a petition'],
  ['en', 'guide_procedure', 'what are the steps of the petition process'],
  ['zh', 'guide_conduct', '我们拉横幅去县政府门口可以吗'],
  ['zh', 'guide_conduct', '一群人一起去上访犯法不'],
  ['en', 'guide_conduct', 'is it legal to hold a banner outside the county office'],
  ['en', 'guide_conduct', 'can a large group of us go to petition together'],
  ['zh', 'guide_rights', '我举报以后会不会被打击报复'],
  ['zh', 'guide_rights', '你们会不会把我的电话泄露给被举报的人'],
  ['en', 'guide_rights', 'will the person i report find out my name'],
  ['en', 'guide_rights', 'what rights do i have as a petitioner'],
  ['zh', 'handoff_human', '帮我转个人工 谢谢'],
  ['zh', 'handoff_human', '我想跟工作人员直接通电话'],
  ['en', 'handoff_human', 'i need to talk to a real person'],
  ['en', 'handoff_human', 'please connect me with a staff member'],
  ['zh', 'out_of_scope', '明天会下雨吗'],
  ['zh', 'out_of_scope', '给我讲个笑话吧'],
  ['en', 'out_of_scope', 'what is the best recipe for dumplings'],
  ['en', 'out_of_scope', 'who will win the basketball game tonight'],
];

/** Short replies the dialogue depends on; each must be right, not just most. */
const SHORT: ReadonlyArray<readonly ['zh' | 'en', IntentName, string]> = [
  ['zh', 'affirm', '好'],
  ['zh', 'affirm', '嗯'],
  ['zh', 'affirm', '对的'],
  ['en', 'affirm', 'yes'],
  ['en', 'affirm', 'ok'],
  ['en', 'deny', 'no'],
  ['zh', 'cancel', '算了'],
  ['zh', 'deny', '不要了'],
];

let cacheDir: string;
let model: IntentModel;
let trainMs: number;

beforeAll(async () => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-intent-model-'));
  fs.writeFileSync(path.join(cacheDir, 'nlu-model-0123456789abcdef.json'), '{}'); // an older model
  const started = performance.now();
  model = await loadIntentModel({ cacheDir });
  trainMs = performance.now() - started;
}, 240_000); // a fresh training: ~30 s alone, several times that while the other worker runs

afterAll(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

describe('intent model', () => {
  it('exports the 16 contract intents in contract order', () => {
    expect(INTENTS).toHaveLength(16);
    expect(INTENTS[0]).toBe('greet');
    expect(INTENTS[15]).toBe('out_of_scope');
  });

  it('the unseen table is really unseen and covers every intent in both languages', () => {
    const corpus = new Set(loadCorpus().map((e) => e.text.toLowerCase()));
    expect(UNSEEN.filter(([, , text]) => corpus.has(text.toLowerCase()) && !SHORT.some((s) => s[2] === text))).toEqual([]);
    for (const intent of INTENTS) {
      for (const locale of ['zh', 'en'] as const) {
        expect(UNSEEN.filter(([l, i]) => l === locale && i === intent).length, `${locale} ${intent}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('classifies at least 90 % of unseen messages correctly, with a confidence in 0..1', async () => {
    const misses: string[] = [];
    for (const [locale, want, text] of UNSEEN) {
      const got = await model.classify(text, locale);
      expect(got.confidence).toBeGreaterThanOrEqual(0);
      expect(got.confidence).toBeLessThanOrEqual(1);
      if (got.name !== want) misses.push(`${text} → ${got.name} (${got.confidence}), want ${want}`);
    }
    const rate = 1 - misses.length / UNSEEN.length;
    expect(rate, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
  });

  it.each(SHORT)('short reply [%s] → %s: %s', async (locale, want, text) => {
    expect((await model.classify(text, locale)).name).toBe(want);
  });

  it('answers out_of_scope for text it knows nothing of', async () => {
    for (const text of ['qwpeoriu zxmnv', '🙃🙃', '%%%']) {
      expect((await model.classify(text, 'en')).name).toBe('out_of_scope');
    }
  });

  it('answers a contract intent for words that name Object.prototype members', async () => {
    for (const text of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(INTENTS).toContain((await model.classify(text, 'en')).name);
    }
  });

  it('classifies a very long message on its beginning', async () => {
    const text = `我要反映 我们村的地被强占了 ${'情况很复杂 '.repeat(1000)}`;
    expect((await model.classify(text, 'zh')).name).toBe('petition_start');
  });
});

describe('model cache', () => {
  it('trained into the cache dir and removed the older model file', () => {
    expect(model.trained).toBe(true);
    const files = fs.readdirSync(cacheDir);
    expect(files).toEqual([`nlu-model-${model.hash}.json`]);
  });

  it('imports the cached model instead of training again', async () => {
    const file = path.join(cacheDir, `nlu-model-${model.hash}.json`);
    const mtime = fs.statSync(file).mtimeMs;
    const started = performance.now();
    const again = await loadIntentModel({ cacheDir });
    const loadMs = performance.now() - started;
    expect(again.trained).toBe(false);
    expect(again.hash).toBe(model.hash);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(loadMs).toBeLessThan(trainMs / 3);
    expect(await again.classify('我想查一下我的信访件办得怎么样了', 'zh')).toEqual(await model.classify('我想查一下我的信访件办得怎么样了', 'zh'));
  });

  it('treats a damaged cache file as absent', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-intent-bad-'));
    fs.writeFileSync(path.join(dir, 'nlu-model-abc.json'), '{"hash": "abc", "truncat');
    expect(readCachedModel(dir, 'abc')).toBeNull();
    expect(readCachedModel(dir, 'missing')).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
