/**
 * POST /api/nlu/parse on the real express shell, extractors and locale detection.
 * The intent model is a stub here: it has its own test (test/unit/nlu), and a
 * second training would compete for the CI machine's two cores.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/channels/http/app.ts';
import { nluRouter } from '../../src/channels/http/nlu-routes.ts';
import { readCountyConfig } from '../../src/county-config-file.ts';
import { createLogger } from '../../src/log.ts';
import type { IntentModel } from '../../src/nlu/intent-model.ts';
import { nluFromModel } from '../../src/nlu/nlu.ts';

const classified: string[] = [];
const stubModel: IntentModel = {
  hash: 'stub',
  trained: false,
  classify: async (text) => {
    classified.push(text);
    return { name: 'petition_start', confidence: 0.875 };
  },
  classifySync: () => ({ name: 'petition_start', confidence: 0.875 }),
  simplify: (text) => text,
  answer: () => null,
};

let server: Server;
let url: string;
beforeAll(async () => {
  const app = createHttpApp({
    log: createLogger('silent'),
    isReady: () => true,
    storeUp: async () => true,
    routers: [nluRouter(nluFromModel(stubModel, readCountyConfig()))],
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/nlu/parse`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const post = (body: string, contentType = 'application/json') =>
  fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
const parse = async (payload: unknown) => {
  const res = await post(JSON.stringify(payload));
  expect(res.status).toBe(200);
  return (await res.json()) as { intent: { name: string; confidence: number }; entities: Array<Record<string, unknown>>; locale: string };
};

async function expectJsonError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
}

describe('POST /api/nlu/parse', () => {
  it('answers the contract shape with normalised entities and their offsets', async () => {
    const phone = '１３８-1234-5678';
    const id = '33010219850612108x';
    const text = `我叫张桂兰，住东湖，电话${phone}，身份证${id}，村里占了我家的地`;
    const body = await parse({ text });
    expect(Object.keys(body).sort()).toEqual(['entities', 'intent', 'locale']);
    expect(body.intent).toEqual({ name: 'petition_start', confidence: 0.875 });
    expect(body.locale).toBe('zh');
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    expect(body.entities).toEqual([
      { type: 'person_name', value: '张桂兰', ...at('张桂兰') },
      { type: 'township', value: '东湖镇', ...at('东湖') },
      { type: 'phone', value: '13812345678', ...at(phone) },
      { type: 'id_number', value: '33010219850612108X', ...at(id) },
    ]);
  });

  it('does not list an ID number with a wrong checksum', async () => {
    const body = await parse({ text: '身份证号330102198506121081 电话13812345678' });
    expect(body.entities.map((e) => e.type)).toEqual(['phone']);
  });

  it('detects English, and keeps the given locale for digits only', async () => {
    expect((await parse({ text: 'hello, my case is XF202611270001', locale: 'zh' })).locale).toBe('en');
    expect((await parse({ text: '13812345678', locale: 'en' })).locale).toBe('en');
    expect((await parse({ text: '13812345678' })).locale).toBe('zh');
    expect((await parse({ text: '你好', locale: 'en' })).locale).toBe('zh');
  });

  it('classifies only the first 2,000 characters of a long text', async () => {
    classified.length = 0;
    await parse({ text: `我要反映${'很'.repeat(3990)}` });
    expect(classified[0]).toHaveLength(2000);
  });

  it.each([
    ['missing text', '{}'],
    ['text of the wrong type', '{"text": 42}'],
    ['an empty text', '{"text": ""}'],
    ['a text over 4,000 characters', JSON.stringify({ text: 'a'.repeat(4001) })],
    ['an unknown locale', '{"text": "hi", "locale": "fr"}'],
    ['malformed JSON', '{"text": "hi"'],
    ['a JSON array', '["hi"]'],
  ])('refuses %s with a JSON 400', async (_what, body) => {
    await expectJsonError(await post(body), 400, 'bad_request');
  });

  it('refuses a body that is not JSON with a 400', async () => {
    await expectJsonError(await post('text=hi', 'text/plain'), 400, 'bad_request');
  });

  it('refuses a body over the limit with a JSON 413', async () => {
    await expectJsonError(await post(JSON.stringify({ text: 'x'.repeat(70_000) })), 413, 'payload_too_large');
  });
});
