/** Examples the bot gives must be right themselves: a citizen copies them. */
import { describe, expect, it } from 'vitest';
import { allMessages } from '../../../src/dialog/catalog/catalog.ts';
import { idNumberCheckChar } from '../../../src/domain/petitioner/id-number.ts';

describe('examples in the message catalogs', () => {
  it.each(['zh', 'en'] as const)('every ID number shown as an example has a valid check character (%s)', (locale) => {
    const ids = Object.values(allMessages(locale)).flatMap((text) => [...text.matchAll(/(?<![0-9])[1-9]\d{16}[\dX](?![0-9])/g)].map((m) => m[0]));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(idNumberCheckChar(id.slice(0, 17)), id).toBe(id[17]);
  });
});
