/**
 * Seeded generators of hostile input for the fuzz test: wrong types, huge and
 * control-character strings, lone surrogates, invalid UTF-8, deep nesting,
 * prototype-pollution keys, duplicate keys. Same seed, same sequence.
 */

export class Hostile {
  constructor(readonly next: () => number) {}

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A short string from a hostile alphabet. */
  string(maxLen = 40): string {
    const parts = [
      () => String.fromCharCode(this.int(0x20)), // C0 controls incl. NUL
      () => String.fromCharCode(0x7f + this.int(0x21)), // DEL, C1
      () => String.fromCharCode(0xd800 + this.int(0x800)), // lone surrogate
      () => '\u202e\u200b\ufeff\uffff',
      () => String.fromCharCode(0x4e00 + this.int(0x5000)),
      () => String.fromCharCode(0x21 + this.int(0x5e)),
      () => this.pick(['<script>alert(1)</script>', '"><svg onload=alert(1)>', "'; DROP TABLE cases; --", '%00', '../../etc/passwd', '${7*7}', '{{7*7}}', '\\u0000', 'XF202611270001', '13812345678', '11010519491231002X', '__proto__', 'constructor', 'NaN', '-0', '1e309']),
    ];
    let s = '';
    const len = this.int(maxLen + 1);
    while (s.length < len) s += this.pick(parts)();
    return s;
  }

  /** Any JSON-ish value, nested up to `depth`. */
  value(depth = 3): unknown {
    const kinds: (() => unknown)[] = [
      () => this.string(),
      () => this.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 16, 4001]),
      () => this.pick([true, false, null]),
      () => String(this.int(100000000)).padStart(8, '0'),
      () => (depth > 0 ? Array.from({ length: this.int(4) }, () => this.value(depth - 1)) : []),
      () => (depth > 0 ? this.object(depth - 1) : {}),
    ];
    return this.pick(kinds)();
  }

  object(depth = 2, keys: readonly string[] = []): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    const n = this.int(5);
    for (let i = 0; i < n; i++) {
      const k = this.chance(0.6) && keys.length > 0 ? this.pick(keys) : this.pick(['__proto__', 'constructor', 'prototype', 'polluted', 'toString', this.string(8)]);
      o[k] = this.value(depth);
    }
    return o;
  }

  /** A body shaped like `template` with some fields replaced by hostile values. */
  mutate(template: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(template)) {
      if (this.chance(0.2)) continue; // missing field
      out[k] = this.chance(0.5) ? this.value(2) : v;
    }
    if (this.chance(0.3)) Object.assign(out, this.object(1, Object.keys(template)));
    return out;
  }
}

/** JSON text with a prototype-pollution key as a real own key (JSON.stringify drops `__proto__` set by assignment). */
export function pollutingJson(h: Hostile, template: Record<string, unknown>): string {
  const inner = JSON.stringify(h.mutate(template)).slice(1, -1);
  const key = h.pick(['"__proto__"', '"constructor"', '"prototype"']);
  const payload = key === '"constructor"' ? '{"prototype":{"polluted":"yes"}}' : '{"polluted":"yes","isAdmin":true}';
  return `{${key}:${payload}${inner ? `,${inner}` : ''}}`;
}

/** The same key twice: the second wins in JSON.parse; neither may break the server. */
export function duplicateKeyJson(h: Hostile, template: Record<string, unknown>): string {
  const k = h.pick(Object.keys(template));
  return `{${JSON.stringify(k)}:${JSON.stringify(h.value(1))},${JSON.stringify(template).slice(1, -1)},${JSON.stringify(k)}:${JSON.stringify(h.value(1))}}`;
}

export function deepJson(h: Hostile): string {
  const depth = 500 + h.int(20000);
  return h.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Bytes that are not UTF-8 (stray continuation bytes, overlongs, encoded surrogates) inside a JSON string. */
export function invalidUtf8Json(h: Hostile, field: string): Buffer {
  const bad = h.pick([[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe4, 0xb8]]);
  return Buffer.concat([Buffer.from(`{"${field}":"a`), Buffer.from(bad), Buffer.from('b","text":"x"}')]);
}
