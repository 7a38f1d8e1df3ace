import { DOCUMENT_KINDS } from '../../src/domain/documents/kinds';
import {
  blockTexts,
  checkTemplate,
  closestPlaceholderName,
  fillText,
  findPlaceholders,
  normalizePlaceholderName,
  placeholderPattern,
  scanPlaceholders,
} from '../../src/domain/documents/placeholders';

const pairs = DOCUMENT_KINDS.pairsOrder;
const regulation = DOCUMENT_KINDS.regulationOrder;
const PAIRS_ROW = ['{{номер_строки}}', '{{наставник}}', '{{наставляемые}}', '{{форма}}', '{{срок}}'];

describe('normalisation', () => {
  test.each([
    ['школа', 'школа'],
    [' Школа ', 'школа'],
    ['ШКОЛА', 'школа'],
    ['Учебный год', 'учебный_год'],
    ['учебный-год', 'учебный_год'],
    ['учебный – год', 'учебный_год'],
    ['номер  приказа', 'номер_приказа'],
    ['номер__приказа', 'номер_приказа'],
    ['номер\u00a0приказа', 'номер_приказа'],
    ['_фио_', 'фио'],
    ['Ёлка', 'елка'],
  ])('«%s» → «%s»', (inner, name) => {
    expect(normalizePlaceholderName(inner)).toBe(name);
  });

  test('tokens keep the raw spelling and carry the normalised name', () => {
    expect(findPlaceholders('Директору {{ Школа }} от {{ФИО}}, {{фио}}').tokens).toEqual([
      { raw: '{{ Школа }}', name: 'школа' },
      { raw: '{{ФИО}}', name: 'фио' },
      { raw: '{{фио}}', name: 'фио' },
    ]);
  });

  test('a text without placeholders, and single braces, are plain text', () => {
    expect(findPlaceholders('')).toEqual({ tokens: [], broken: [] });
    expect(findPlaceholders('Приказ № 5 {от 1.09} и } и {')).toEqual({ tokens: [], broken: [] });
  });
});

describe('broken placeholders', () => {
  const broken = (text: string) => scanPlaceholders(text).broken.map(({ reason, fragment }) => ({ reason, fragment }));

  test('unclosed {{, with context up to the end of the line', () => {
    expect(broken('Директор ____ {{директор')).toEqual([{ reason: 'unclosed', fragment: '…ректор ____ {{директор' }]);
    expect(findPlaceholders('Директор ____ {{директор').broken).toEqual(['…ректор ____ {{директор']);
  });

  test('context is cut with «…» on both sides, and never crosses a line', () => {
    expect(broken('Назначить куратором заместителя}} директора по учебной работе')).toEqual([
      { reason: 'unopened', fragment: '…заместителя}} директора п…' },
    ]);
    expect(broken('Приказ от {{дата_приказа}} подписан  }}  директором школы')).toEqual([
      { reason: 'unopened', fragment: '…} подписан }} директором…' },
    ]);
    expect(broken('первая строка\nшкола}}\nтретья строка')).toEqual([{ reason: 'unopened', fragment: 'школа}}' }]);
  });

  test('empty, nested, extra braces, stray brace, line break', () => {
    expect(broken('a {{}} b')).toEqual([{ reason: 'empty', fragment: 'a {{}} b' }]);
    expect(broken('{{  }}')).toEqual([{ reason: 'empty', fragment: '{{ }}' }]);
    expect(broken('{{ - }}')).toEqual([{ reason: 'empty', fragment: '{{ - }}' }]);
    expect(broken('x {{фио {{должность}} }} y')).toEqual([
      { reason: 'nested', fragment: 'x {{фио {{должность}} }} y' },
    ]);
    expect(broken('{{{школа}}}')).toEqual([{ reason: 'extraBraces', fragment: '{{{школа}}}' }]);
    expect(broken('{{школа}}}')).toEqual([{ reason: 'extraBraces', fragment: '{{школа}}}' }]);
    expect(broken('{{шко}ла}}')).toEqual([{ reason: 'strayBrace', fragment: '{{шко}ла}}' }]);
    expect(broken('{{номер\nприказа}}')).toEqual([{ reason: 'lineBreak', fragment: '{{номер приказа}}' }]);
  });

  test('an unclosed {{ does not hide the good placeholders after it', () => {
    const scan = findPlaceholders('от {{фио, {{должность}} и {{школа}}');
    expect(scan.tokens.map((t) => t.raw)).toEqual(['{{должность}}', '{{школа}}']);
    expect(scan.broken).toEqual(['от {{фио, {{должн…']);
  });

  test('a long broken span is shortened', () => {
    const [b] = scanPlaceholders(`{{${'а'.repeat(100)} {{б}} }}`).broken;
    expect(b.reason).toBe('nested');
    expect(b.fragment.length).toBeLessThan(60);
    expect(b.fragment.startsWith('{{ааа')).toBe(true);
    expect(b.fragment.endsWith('{{б}} }}')).toBe(true);
  });
});

describe('checkTemplate', () => {
  const FIELDS_LINE =
    'Можно использовать поля: {{школа}}, {{директор}}, {{куратор}}, {{учебный_год}}, {{номер_приказа}}, ' +
    '{{дата_приказа}}, {{число_пар}}; в повторяющейся строке таблицы — ещё {{номер_строки}}, {{наставник}}, ' +
    '{{наставляемые}}, {{форма}}, {{срок}}.';

  test('a good template has no problems, whatever the spelling of the names', () => {
    expect(
      checkTemplate(pairs, { outside: ['{{ Школа }}', '{{Дата приказа}} № {{номер-приказа}}'], row: PAIRS_ROW }),
    ).toEqual([]);
    // Common fields may appear in the row too.
    expect(checkTemplate(pairs, { outside: [], row: [...PAIRS_ROW, '{{учебный_год}}'] })).toEqual([]);
  });

  test('unknown field: the closest known name, and the list of fields', () => {
    expect(checkTemplate(pairs, { outside: ['{{школаа}}'], row: PAIRS_ROW })).toEqual([
      'Неизвестное поле {{школаа}} — может быть, {{школа}}?',
      FIELDS_LINE,
    ]);
    expect(checkTemplate(regulation, { outside: ['{{погода}}'], row: null })).toEqual([
      'Неизвестное поле {{погода}}.',
      'Можно использовать поля: {{школа}}, {{директор}}, {{куратор}}, {{учебный_год}}, {{номер_приказа}}, {{дата_приказа}}.',
    ]);
  });

  test('suggestions: typos, Latin look-alikes, a name of another kind', () => {
    expect(checkTemplate(regulation, { outside: ['{{ Директр }}'], row: null })[0]).toBe(
      'Неизвестное поле {{ Директр }} — может быть, {{директор}}?',
    );
    expect(checkTemplate(regulation, { outside: ['{{шкoла}}'], row: null })[0]).toBe(
      'Неизвестное поле {{шкoла}}: в имени есть латинские буквы — может быть, {{школа}}?',
    );
    expect(checkTemplate(regulation, { outside: ['№ {{номер}}'], row: null })[0]).toBe(
      'Неизвестное поле {{номер}} — может быть, {{номер_приказа}}?',
    );
    expect(closestPlaceholderName('датаприказа', ['дата', 'дата_приказа'])).toBe('дата_приказа');
    expect(closestPlaceholderName('абв', ['школа', 'фио'])).toBeNull();
  });

  test('row fields outside the repeating row', () => {
    expect(checkTemplate(pairs, { outside: ['Наставник: {{ Наставник }}'], row: PAIRS_ROW })).toEqual([
      'Поле {{ Наставник }} можно использовать только в повторяющейся строке таблицы.',
    ]);
  });

  test('a kind with row fields whose template has no repeating row', () => {
    expect(checkTemplate(pairs, { outside: ['{{школа}}'], row: null })).toEqual([
      'В шаблоне нет повторяющейся строки таблицы: добавьте в таблицу строку с полями {{номер_строки}}, ' +
        '{{наставник}}, {{наставляемые}}, {{форма}}, {{срок}}.',
    ]);
    // A kind without row fields never needs one.
    expect(checkTemplate(regulation, { outside: ['{{школа}}'], row: null })).toEqual([]);
  });

  test('broken placeholders, one message each', () => {
    expect(
      checkTemplate(regulation, {
        outside: [
          'Директор {{директор',
          'школа}}',
          '{{}}',
          '{{а {{б}} }}',
          '{{{школа}}}',
          '{{шк}ола}}',
          '{{дата\nприказа}}',
        ],
        row: null,
      }),
    ).toEqual([
      'Поле не закрыто: «Директор {{директор» — в конце поля нужны две скобки }}.',
      'Скобки }} без открывающих {{: «школа}}».',
      'Пустое поле: «{{}}» — впишите имя поля или удалите скобки.',
      'Поле внутри другого поля: «{{а {{б}} }}» — так писать нельзя, разделите поля.',
      'Лишние фигурные скобки: «{{{школа}}}» — поле пишется с двумя скобками с каждой стороны: {{имя}}.',
      'Лишняя скобка внутри поля: «{{шк}ола}}».',
      'Поле разорвано переносом строки: «{{дата приказа}}» — имя поля должно быть на одной строке.',
    ]);
  });

  test('every problem at once, each reported once', () => {
    expect(
      checkTemplate(pairs, {
        outside: ['{{школаа}} {{школаа}} {{наставник}}', 'дата {{дата_приказа'],
        row: null,
      }),
    ).toEqual([
      'Поле не закрыто: «дата {{дата_приказа» — в конце поля нужны две скобки }}.',
      'Неизвестное поле {{школаа}} — может быть, {{школа}}?',
      'Поле {{наставник}} можно использовать только в повторяющейся строке таблицы.',
      'В шаблоне нет повторяющейся строки таблицы: добавьте в таблицу строку с полями {{номер_строки}}, ' +
        '{{наставник}}, {{наставляемые}}, {{форма}}, {{срок}}.',
      FIELDS_LINE,
    ]);
  });

  test('unknown fields inside the repeating row are reported too', () => {
    expect(checkTemplate(pairs, { outside: [], row: [...PAIRS_ROW, '{{настаник}}'] })).toEqual([
      'Неизвестное поле {{настаник}} — может быть, {{наставник}}?',
      FIELDS_LINE,
    ]);
  });

  test('blockTexts splits a template into the repeating row and the rest', () => {
    const texts = blockTexts(pairs);
    expect(texts.row).toEqual(PAIRS_ROW);
    expect(texts.outside).toContain('Наставник');
    expect(texts.outside.join('\n')).not.toContain('{{наставник}}');
    expect(blockTexts(regulation).row).toBeNull();
  });
});

describe('placeholderPattern', () => {
  test.each([
    ['{{школа}}', ['{{школаа}}', '{{Школа}}', '{{ школа}}', '{школа}', '{{шкала}}']],
    ['{{ Номер приказа }}', ['{{номер приказа}}', '{{ Номер  приказа }}', '{{ Номер_приказа }}']],
    ['{{a.b}}', ['{{axb}}', '{{ab}}']],
    ['{{$1 (x)|[y]*+?^\\d}}', ['{{$1 x|y}}', '{{$1 (x)|[y]*+?^d}}', '{{$1 (x)}}']],
  ])('%s matches itself only', (raw, nearMisses) => {
    const pattern = placeholderPattern(raw);
    const re = new RegExp(pattern);
    expect(re.exec(`до ${raw} после`)?.[0]).toBe(raw);
    expect(new RegExp(`^${pattern}$`).test(raw)).toBe(true);
    for (const miss of nearMisses) expect(re.test(miss)).toBe(false);
  });

  test('every metacharacter is escaped (RE2 treats \\ + punctuation as a literal)', () => {
    expect(placeholderPattern('{{a.b*c}}')).toBe('\\{\\{a\\.b\\*c\\}\\}');
    expect(placeholderPattern('\\^$.|?*+()[]{}')).toBe('\\\\\\^\\$\\.\\|\\?\\*\\+\\(\\)\\[\\]\\{\\}');
  });
});

describe('fillText', () => {
  test('fills by normalised name, leaves unknown and broken ones as written', () => {
    expect(fillText('{{ Школа }}: {{фио}}, {{нет_такого}}, {{дата', { школа: 'СОШ № 2', ФИО: 'Петрова А. А.' })).toBe(
      'СОШ № 2: Петрова А. А., {{нет_такого}}, {{дата',
    );
  });

  test('hostile values go in literally, in one pass', () => {
    const values = {
      школа: '{{директор}}',
      директор: '$1 $& $$ \\1 \\',
      фио: '.*+?^${}()|[]\\',
      должность: '{{фио',
    };
    expect(fillText('{{школа}}|{{директор}}|{{фио}}|{{должность}} }}', values)).toBe(
      '{{директор}}|$1 $& $$ \\1 \\|.*+?^${}()|[]\\|{{фио }}',
    );
  });

  test('object keys are not values', () => {
    expect(fillText('{{constructor}} {{__proto__}} {{toString}}', {})).toBe(
      '{{constructor}} {{__proto__}} {{toString}}',
    );
  });

  test('an empty value empties the placeholder', () => {
    expect(fillText('а{{фио}}б', { фио: '' })).toBe('аб');
  });
});
