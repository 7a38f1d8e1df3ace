import { DOCUMENT_KINDS } from '../../src/domain/documents/kinds';
import {
  blockTexts,
  checkTemplate,
  closestPlaceholderName,
  fillText,
  findPlaceholders,
  normalizePlaceholderName,
  placeholderPattern,
  ROW_GROUP,
  rowGroups,
  rowSorter,
  scanPlaceholders,
  type TemplateTexts,
} from '../../src/domain/documents/placeholders';
import type { DocumentKind } from '../../src/domain/documents/types';

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
    'Можно использовать поля: {{школа}}, {{учебный_год}}, {{номер_приказа}}, {{дата_приказа}}, {{число_пар}}, ' +
    '{{директор_подпись}}, {{куратор_дательный}}; в повторяющейся строке таблицы — ещё {{номер_строки}}, {{наставник}}, ' +
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
      'Можно использовать поля: {{школа}}, {{куратор}}, {{учебный_год}}, {{номер_приказа}}, {{дата_приказа}}, ' +
        '{{директор_подпись}}, {{куратор_подпись}}.',
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

describe('several repeating tables', () => {
  const report = DOCUMENT_KINDS.analyticalReport;
  /** A kind with a main repeating row and two extra tables, to see the groups apart. */
  const kind: DocumentKind = {
    ...pairs,
    fields: [{ name: 'школа', label: 'Школа' }],
    rowFields: [{ name: 'наставник', label: 'Наставник' }],
    tables: [
      { key: 'events', label: 'Мероприятия', fields: [{ name: 'тема', label: 'Тема' }] },
      {
        key: 'practices',
        label: 'Практики',
        fields: [
          { name: 'практика', label: 'Практика' },
          { name: 'автор', label: 'Автор' },
        ],
      },
    ],
    blocks: [
      { type: 'paragraph', text: '{{школа}}' },
      { type: 'table', header: [['Тема']], row: ['{{тема}} ({{школа}})'] },
      { type: 'table', header: [['Наставник']], row: ['{{наставник}}'] },
      { type: 'table', header: [['Практика', 'Автор']], row: ['{{практика}}', '{{автор}}'] },
    ],
  };
  const REPORT_ROWS = {
    pairs: [
      '{{пара_номер}}',
      '{{пара_наставник}} — {{пара_наставляемые}}',
      '{{пара_выполнение}}',
      '{{пара_встреч}}',
      '{{пара_ответили}}',
      '{{пара_удовлетворенность}}',
      '{{пара_решено}}',
    ],
    questions: ['{{вопрос}}', '{{вопрос_роль}}', '{{вопрос_средний}}', '{{вопрос_ответов}}'],
    events: ['{{мероприятие_дата}}', '{{мероприятие_вид}}', '{{мероприятие_тема}}', '{{мероприятие_участники}}'],
    practices: ['{{практика_название}}', '{{практика_автор}}', '{{практика_компетенция}}', '{{практика_описание}}'],
  };
  const good = (extra: Partial<TemplateTexts> = {}): TemplateTexts => ({
    outside: ['{{школа}}', 'за {{учебный_год}} учебный год'],
    row: null,
    tables: { ...REPORT_ROWS },
    ...extra,
  });

  test('groups: the row fields first, then each table in order; a kind without them has none', () => {
    expect(rowGroups(kind).map((g) => g.key)).toEqual([ROW_GROUP, 'events', 'practices']);
    expect(rowGroups(report).map((g) => g.key)).toEqual(['pairs', 'questions', 'events', 'practices']);
    expect(rowGroups(regulation)).toEqual([]);
  });

  test('rows are told apart by their fields: the first of a group is its row, a later one is text', () => {
    const roleOf = rowSorter(kind);
    expect(roleOf('Тема')).toEqual({ type: 'outside' });
    expect(roleOf('{{школа}}')).toEqual({ type: 'outside' });
    expect(roleOf('{{практика}}\t{{школа}}')).toEqual({ type: 'repeating', group: 'practices' });
    expect(roleOf('{{ Тема }}')).toEqual({ type: 'repeating', group: 'events' });
    expect(roleOf('{{тема}}')).toEqual({ type: 'outside' });
    expect(roleOf('{{автор}} {{наставник}}')).toEqual({ type: 'mixed', groups: [ROW_GROUP, 'practices'] });
    expect(roleOf('{{наставник}}')).toEqual({ type: 'repeating', group: ROW_GROUP });
  });

  test('blockTexts: each table row by its key, whatever the order of the tables', () => {
    expect(blockTexts(kind)).toEqual({
      outside: ['{{школа}}', 'Тема', 'Наставник', 'Практика', 'Автор'],
      row: ['{{наставник}}'],
      tables: { events: ['{{тема}} ({{школа}})'], practices: ['{{практика}}', '{{автор}}'] },
    });
    expect(checkTemplate(kind, blockTexts(kind))).toEqual([]);
    const texts = blockTexts(report);
    expect(texts.tables).toEqual(REPORT_ROWS);
    expect(texts.outside.join('\n')).not.toMatch(/пара_|вопрос|мероприятие_|практика_/);
  });

  test("a table's fields outside its row", () => {
    expect(
      checkTemplate(report, good({ outside: ['Всего вопросов: {{вопрос_ответов}}', 'Тема: {{ Мероприятие тема }}'] })),
    ).toEqual([
      'Поле {{вопрос_ответов}} можно использовать только в повторяющейся строке таблицы «Вопросы мониторинга».',
      'Поле {{ Мероприятие тема }} можно использовать только в повторяющейся строке таблицы «Мероприятия».',
    ]);
  });

  test('a missing table row is no problem (the table is not filled), but its fields elsewhere are', () => {
    const { events: _events, ...rest } = REPORT_ROWS;
    expect(checkTemplate(report, good({ tables: rest }))).toEqual([]);
    expect(checkTemplate(report, good({ tables: {} }))).toEqual([]);
    expect(checkTemplate(report, good({ tables: rest, outside: ['{{мероприятие_дата}}'] }))).toEqual([
      'Поле {{мероприятие_дата}} можно использовать только в повторяющейся строке таблицы «Мероприятия».',
    ]);
  });

  test('fields of two tables in one row', () => {
    expect(checkTemplate(report, good({ mixed: [['{{пара_номер}}', '{{вопрос}} {{вопрос}}', '{{школа}}']] }))).toEqual([
      'В одной строке таблицы поля разных таблиц: {{пара_номер}} (таблица «Реализация персонализированных ' +
        'программ»), {{вопрос}} (таблица «Вопросы мониторинга») — у каждой таблицы должна быть своя строка с её ' +
        'полями.',
    ]);
    expect(checkTemplate(kind, { outside: [], row: null, tables: {}, mixed: [['{{наставник}}', '{{тема}}']] })).toEqual(
      [
        'В одной строке таблицы поля разных таблиц: {{наставник}} (основная таблица), {{тема}} (таблица ' +
          '«Мероприятия») — у каждой таблицы должна быть своя строка с её полями.',
        'В шаблоне нет повторяющейся строки таблицы: добавьте в таблицу строку с полями {{наставник}}.',
      ],
    );
  });

  test('unknown and broken fields in a table row; the list of fields names every table', () => {
    const tables = { ...REPORT_ROWS, practices: [...REPORT_ROWS.practices, '{{практика_автр}}', '{{вопрос'] };
    expect(checkTemplate(report, good({ tables }))).toEqual([
      'Поле не закрыто: «{{вопрос» — в конце поля нужны две скобки }}.',
      'Неизвестное поле {{практика_автр}} — может быть, {{практика_автор}}?',
      'Можно использовать поля: {{школа}}, {{учебный_год}}, {{номер}}, {{дата}}, {{куратор_подпись}}, {{методист_подпись}}, ' +
        '{{число_пар}}, {{число_наставников}}, {{число_наставляемых}}, {{выполнение_программ}}, {{встреч}}, ' +
        '{{мероприятий}}, {{охват_мониторинга}}, {{удовлетворенность_наставляемых}}, ' +
        '{{удовлетворенность_наставников}}, {{решено_запросов}}, {{самооценка_до}}, {{самооценка_после}}; ' +
        'в строке таблицы «Реализация персонализированных программ» — ещё {{пара_номер}}, {{пара_наставник}}, ' +
        '{{пара_наставляемые}}, {{пара_выполнение}}, {{пара_встреч}}, {{пара_ответили}}, ' +
        '{{пара_удовлетворенность}}, {{пара_решено}}; в строке таблицы «Вопросы мониторинга» — ещё {{вопрос}}, ' +
        '{{вопрос_роль}}, {{вопрос_средний}}, {{вопрос_ответов}}; в строке таблицы «Мероприятия» — ещё ' +
        '{{мероприятие_дата}}, {{мероприятие_вид}}, {{мероприятие_тема}}, {{мероприятие_участники}}; в строке ' +
        'таблицы «Лучшие практики наставничества» — ещё {{практика_название}}, {{практика_автор}}, ' +
        '{{практика_компетенция}}, {{практика_описание}}.',
    ]);
  });

  test('a kind without tables: blockTexts and checkTemplate as before (no tables, no mixed)', () => {
    expect(Object.keys(blockTexts(pairs))).toEqual(['outside', 'row']);
    expect(Object.keys(blockTexts(regulation))).toEqual(['outside', 'row']);
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
