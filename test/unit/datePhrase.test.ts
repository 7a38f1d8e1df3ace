import * as fs from 'fs';
import * as path from 'path';
import { DatePhraseError, parseDatePhrase, resolveSpan } from '../../src/domain/roadmap/datePhrase';
import { ROADMAP } from '../../src/domain/roadmap/template';

/** The school's roadmap the add-on is built from (a copy of shared/seed, kept in the repo). */
const SEED_FILE = path.resolve(__dirname, '../../docs/roadmap-2022-2023.txt');

/** The deadline phrases of the seed, verbatim. */
const SEED_PHRASES = [
  'Февраль 2022 г.',
  'Февраль 2022г.',
  'Февраль-август 2022 г.',
  'В течение года',
  'Май-август 2022 г.',
  'Август 2022 г.',
  'В течение учебного года',
  'Апрель-май 2023 г.',
];

const span = (phrase: string, startYear = 2022) => resolveSpan(parseDatePhrase(phrase), 2022, startYear);

describe('seed phrases', () => {
  test.each(SEED_PHRASES)('%s parses', (phrase) => {
    expect(() => parseDatePhrase(phrase)).not.toThrow();
  });

  test('every bold date phrase in the seed file is listed and parses', () => {
    const text = fs.readFileSync(SEED_FILE, 'utf8');
    const bold = [...text.matchAll(/<b>([^<]*)<\/b>/g)].map((m) => m[1].trim());
    // A deadline cell is short: «Месяц[-месяц] ГГГГ г.» or «В течение …»; activity titles are long.
    const phrases = bold.filter((b) => /^[А-ЯЁа-яё-]+ \d{4}\s*г\.$/.test(b) || /^В течение [а-я ]+$/.test(b));
    expect(phrases).toHaveLength(15); // 6 in stage 1, 2 in stage 4, 3 in stage 5, 1 in the others
    for (const p of phrases) {
      expect(SEED_PHRASES).toContain(p);
      expect(() => parseDatePhrase(p)).not.toThrow();
    }
    // The template uses exactly the seed's phrases, verbatim.
    const used = new Set(ROADMAP.flatMap((s) => s.activities.map((a) => a.when)));
    expect([...used].sort()).toEqual([...new Set(phrases)].sort());
  });

  test('structured results', () => {
    expect(parseDatePhrase('Февраль 2022 г.')).toEqual({
      kind: 'months',
      from: { year: 2022, month: 2 },
      to: { year: 2022, month: 2 },
    });
    expect(parseDatePhrase('Февраль-август 2022 г.')).toEqual({
      kind: 'months',
      from: { year: 2022, month: 2 },
      to: { year: 2022, month: 8 },
    });
    expect(parseDatePhrase('В течение года')).toEqual({ kind: 'wholePeriod' });
    expect(parseDatePhrase('В течение учебного года')).toEqual({ kind: 'schoolYear' });
  });

  test('resolved for the seed period itself', () => {
    expect(span('Февраль 2022г.')).toEqual({ start: '2022-02-01', end: '2022-02-28' });
    expect(span('Май-август 2022 г.')).toEqual({ start: '2022-05-01', end: '2022-08-31' });
    expect(span('Апрель-май 2023 г.')).toEqual({ start: '2023-04-01', end: '2023-05-31' });
    expect(span('В течение учебного года')).toEqual({ start: '2022-09-01', end: '2023-05-31' });
    expect(span('В течение года')).toEqual({ start: '2022-02-01', end: '2023-05-31' });
  });
});

describe('shifting to another period', () => {
  test('seed years map by offset', () => {
    expect(span('Февраль 2022 г.', 2026)).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(span('Апрель-май 2023 г.', 2026)).toEqual({ start: '2027-04-01', end: '2027-05-31' });
    expect(span('В течение учебного года', 2026)).toEqual({ start: '2026-09-01', end: '2027-05-31' });
    expect(span('В течение года', 2026)).toEqual({ start: '2026-02-01', end: '2027-05-31' });
  });

  test('leap year: period 2027 has «Февраль 2028 г.» ending 29.02.2028', () => {
    expect(span('Февраль 2023 г.', 2027)).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(span('Февраль 2022 г.', 2027)).toEqual({ start: '2027-02-01', end: '2027-02-28' });
    expect(span('Февраль 2022 г.', 2028)).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  });

  test('explicit days are kept; 29 February shifted into a common year becomes the 28th', () => {
    expect(span('до 15 марта 2023', 2026)).toEqual({ start: '2027-03-01', end: '2027-03-15' });
    expect(resolveSpan(parseDatePhrase('29.02.2024'), 2024, 2025)).toEqual({ start: '2025-02-28', end: '2025-02-28' });
  });
});

describe('variants a school writes', () => {
  test.each([
    ['февраль 2022 года', '2022-02-01', '2022-02-28'],
    ['ФЕВРАЛЬ  2022  Г.', '2022-02-01', '2022-02-28'],
    ['Февраль – август 2022 г.', '2022-02-01', '2022-08-31'],
    ['Февраль—август 2022', '2022-02-01', '2022-08-31'],
    ['Сентябрь–декабрь 2022', '2022-09-01', '2022-12-31'],
    ['сентябрь 2022 – май 2023', '2022-09-01', '2023-05-31'],
    ['сентябрь 2022 г. - май 2023 г.', '2022-09-01', '2023-05-31'],
    ['с сентября 2022 по май 2023', '2022-09-01', '2023-05-31'],
    ['Сентябрь-май 2022', '2022-09-01', '2023-05-31'],
    ['ноябрь-февраль 2022 г.', '2022-11-01', '2023-02-28'],
    ['до 15 марта 2023', '2023-03-01', '2023-03-15'],
    ['До 15.03.2023 г.', '2023-03-01', '2023-03-15'],
    ['15.03.2023', '2023-03-15', '2023-03-15'],
    ['15 марта 2023 года', '2023-03-15', '2023-03-15'],
    ['01.09.2022–31.05.2023', '2022-09-01', '2023-05-31'],
    ['01.09.2022 - 31.05.2023', '2022-09-01', '2023-05-31'],
    ['с 01.09.2022 по 31.05.2023', '2022-09-01', '2023-05-31'],
    ['10 апреля - 20 мая 2023', '2023-04-10', '2023-05-20'],
    ['2022-09-01 – 2023-05-31', '2022-09-01', '2023-05-31'],
    ['  в  течение  УЧЕБНОГО  года ', '2022-09-01', '2023-05-31'],
    ['В течение всего учебного года.', '2022-09-01', '2023-05-31'],
    ['2022-2023 учебного года', '2022-09-01', '2023-05-31'],
    ['I полугодие 2022/2023 учебного года', '2022-09-01', '2022-12-31'],
    ['II полугодие 2022-2023 учебного года', '2023-01-01', '2023-05-31'],
    ['Апрель-Май 2023 г.', '2023-04-01', '2023-05-31'],
    ['Февраль 2022 г.', '2022-02-01', '2022-02-28'],
  ])('%s', (phrase, start, end) => {
    expect(span(phrase)).toEqual({ start, end });
  });
});

describe('garbage → a Russian error quoting the phrase', () => {
  test.each([
    '',
    'когда-нибудь',
    'Фебраль 2022 г.',
    'Февраль',
    'Февраль-август',
    '32.01.2023',
    '29.02.2023',
    '31.05.2023–01.09.2022',
    'Февраль 2022 – март 2023 – май 2023',
    'до марта 2022 - мая 2023',
    '2022-2024 учебного года',
    '13.13.2023',
  ])('«%s»', (phrase) => {
    expect(() => parseDatePhrase(phrase)).toThrow(DatePhraseError);
    expect(() => parseDatePhrase(phrase)).toThrow(`Не удалось разобрать срок «${phrase.trim()}»`);
  });

  test('the default message names examples', () => {
    expect(() => parseDatePhrase('скоро')).toThrow(
      'Не удалось разобрать срок «скоро»: ожидается, например, «Февраль 2022 г.» или «В течение учебного года».',
    );
  });
});
