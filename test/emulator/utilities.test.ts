import { Env } from '../../emulator/core/env';
import { createUtilities, formatString, SLEEP_TOO_LONG } from '../../emulator/services/utilities';

const NOW = '2026-11-25T12:00:00+03:00';

function setup() {
  const env = new Env({ now: NOW });
  env.chargeLatency = false;
  return { env, Utilities: createUtilities(env) };
}

describe('Utilities.formatDate', () => {
  const { Utilities } = setup();
  // 2026-11-25 is a Wednesday; 09:05:07.042 UTC = 12:05:07.042 in Moscow.
  const d = new Date('2026-11-25T09:05:07.042Z');

  it('formats in Europe/Moscow and in UTC', () => {
    expect(Utilities.formatDate(d, 'Europe/Moscow', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-11-25 12:05:07');
    expect(Utilities.formatDate(d, 'UTC', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-11-25 09:05:07');
    expect(Utilities.formatDate(d, 'GMT+3', 'HH:mm')).toBe('12:05');
  });

  it('crosses the date line with the zone', () => {
    const late = new Date('2026-11-25T22:30:00Z');
    expect(Utilities.formatDate(late, 'Europe/Moscow', 'dd.MM.yyyy')).toBe('26.11.2026');
    expect(Utilities.formatDate(late, 'UTC', 'dd.MM.yyyy')).toBe('25.11.2026');
  });

  it('supports the common pattern letters', () => {
    const f = (p: string, tz = 'Europe/Moscow') => Utilities.formatDate(d, tz, p);
    expect(f('yy')).toBe('26');
    expect(f('M/d/yyyy')).toBe('11/25/2026');
    expect(f('MMM')).toBe('Nov');
    expect(f('MMMM')).toBe('November');
    expect(f('EEE')).toBe('Wed');
    expect(f('EEEE')).toBe('Wednesday');
    expect(f('h:mm a')).toBe('12:05 PM');
    expect(f('hh a', 'UTC')).toBe('09 AM');
    expect(f('H', 'UTC')).toBe('9');
    expect(f('SSS')).toBe('042');
    expect(f('Z')).toBe('+0300');
    expect(f('XXX')).toBe('+03:00');
    expect(f('XXX', 'UTC')).toBe('Z');
    expect(f("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2026-11-25T12:05:07.042+03:00');
    expect(f("'o''clock' H")).toBe("o'clock 12");
    expect(f('d MMMM yyyy, EEE')).toBe('25 November 2026, Wed');
  });

  it('midnight and noon in 12-hour form', () => {
    const midnight = new Date('2026-11-24T21:00:00Z'); // 00:00 Moscow
    expect(Utilities.formatDate(midnight, 'Europe/Moscow', 'hh:mm a')).toBe('12:00 AM');
  });

  it('rejects bad patterns, zones and arguments loudly', () => {
    expect(() => Utilities.formatDate(d, 'Europe/Moscow', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => Utilities.formatDate(d, 'Mars/Olympus', 'yyyy')).toThrow('Invalid time zone: Mars/Olympus');
    expect(() => Utilities.formatDate('2026-11-25' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities: other methods', () => {
  it('sleep advances the simulated clock and caps at 300000 ms', () => {
    const { env, Utilities } = setup();
    const t0 = env.now();
    Utilities.sleep(1500);
    expect(env.now() - t0).toBe(1500);
    expect(() => Utilities.sleep(300001)).toThrow(SLEEP_TOO_LONG);
  });

  it('getUuid returns distinct v4 UUIDs', () => {
    const { Utilities } = setup();
    const a = Utilities.getUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.getUuid()).not.toBe(a);
  });

  it('base64 round-trips UTF-8 text and signed bytes', () => {
    const { Utilities } = setup();
    const enc = Utilities.base64Encode('Привет');
    expect(enc).toBe(Buffer.from('Привет').toString('base64'));
    const bytes = Utilities.base64Decode(enc);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(bytes[0]).toBe(-48); // 0xD0
    expect(Utilities.newBlob(bytes).getDataAsString()).toBe('Привет');
    expect(Utilities.base64Encode(bytes)).toBe(enc);
    expect(Utilities.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(() => Utilities.base64Decode('***')).toThrow('Could not decode string.');
  });

  it('newBlob keeps name and content type', () => {
    const { env, Utilities } = setup();
    const blob = Utilities.newBlob('a,b', 'text/csv', 'x.csv');
    expect(blob.getName()).toBe('x.csv');
    expect(blob.getContentType()).toBe('text/csv');
    expect(blob.setName('y.csv').getName()).toBe('y.csv');
    expect(blob.getBytes()).toEqual([97, 44, 98]);
    expect(env.calls.summary().byMethod['Blob.setName']).toBe(1);
    expect(env.calls.summary().byMethod['Blob.getName']).toBe(2); // chained call through the proxy counted too
  });

  it('formatString: %s, %d, widths, %%', () => {
    const { Utilities } = setup();
    expect(Utilities.formatString('%s из %d', 'a', 3.9)).toBe('a из 3');
    expect(Utilities.formatString('%05d|%-3d|%3s|%%', 42, 7, 'x')).toBe('00042|7  |  x|%');
    expect(Utilities.formatString('%6.2f', 3.14159)).toBe('  3.14');
    expect(() => Utilities.formatString('%s %s', 'only one')).toThrow(/Missing argument/);
    expect(formatString('%d%%', 50)).toBe('50%');
  });
});

describe('Utilities.parseDate', () => {
  const env = new Env({ now: '2026-11-25T12:00:00+03:00' });
  const u = createUtilities(env);
  test('reads a day as midnight in the given time zone', () => {
    expect(u.parseDate('2026-02-01', 'Europe/Moscow', 'yyyy-MM-dd').toISOString()).toBe('2026-01-31T21:00:00.000Z');
    expect(u.parseDate('01.02.2026 10:30', 'UTC', 'dd.MM.yyyy HH:mm').toISOString()).toBe('2026-02-01T10:30:00.000Z');
  });
  test('refuses text that does not match or an impossible day', () => {
    expect(() => u.parseDate('2026/02/01', 'UTC', 'yyyy-MM-dd')).toThrow('Unparseable date: "2026/02/01"');
    expect(() => u.parseDate('2026-02-30', 'UTC', 'yyyy-MM-dd')).toThrow('Unparseable date');
  });
});
