/** Which errors mean "the store is down" (503) rather than a bug (500). */
import { describe, expect, it } from 'vitest';
import { isStoreUnavailableError } from '../../src/channels/http/errors.ts';

describe('store-unavailable errors', () => {
  it.each([
    ['pg: connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })],
    ['pg: server terminated the connection', new Error('Connection terminated unexpectedly')],
    ['pg: admin shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['pg: starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['pg: pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['Prisma: cannot reach the server', Object.assign(new Error("Can't reach database server"), { code: 'P1001' })],
    ['Prisma adapter: wrapped cause', Object.assign(new Error('driver adapter error'), { cause: { kind: 'DatabaseNotReachable' } })],
    ['connection exception class 08', Object.assign(new Error('x'), { code: '08006' })],
    [
      'Prisma raw query while the server restarts',
      Object.assign(new Error('Raw query failed. Code: `57P03`. Message: `the database system is not yet accepting connections`'), { code: 'P2010' }),
    ],
    ['Prisma: no transaction could start in time', Object.assign(new Error('Unable to start a transaction in the given time.'), { code: 'P2028' })],
  ])('%s → unavailable', (_name, err) => {
    expect(isStoreUnavailableError(err)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: 'P2002' })],
    ['a raw query with a syntax error', Object.assign(new Error('Raw query failed. Code: `42601`. Message: `syntax error`'), { code: 'P2010' })],
    ['a plain string', 'boom'],
    ['nothing', undefined],
  ])('%s → not unavailable', (_name, err) => {
    expect(isStoreUnavailableError(err)).toBe(false);
  });
});
