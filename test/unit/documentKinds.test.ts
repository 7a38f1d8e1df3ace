import {
  formatDateLong,
  formatDateShort,
  schoolYearLabel,
  schoolYearPhrase,
} from '../../src/domain/documents/dateWords';
import {
  DOCUMENT_KIND_IDS,
  DOCUMENT_KINDS,
  documentKind,
  extraTable,
  isDocumentKindId,
  repeatingTable,
} from '../../src/domain/documents/kinds';
import {
  blockTexts,
  checkTemplate,
  fillText,
  findPlaceholders,
  normalizePlaceholderName,
} from '../../src/domain/documents/placeholders';
import { DOCUMENT_FOLDERS, type DocumentKind, type TemplateBlock } from '../../src/domain/documents/types';
import { consentText, dutiesConsentText } from '../../src/domain/questionnaires/consent';

const KINDS = Object.values(DOCUMENT_KINDS);

/** Every text of the blocks: paragraphs, header cells, repeating-row cells (all rows, and each row apart). */
function texts(blocks: TemplateBlock[]): { outside: string[]; row: string[]; rows: string[][] } {
  const outside: string[] = [];
  const row: string[] = [];
  const rows: string[][] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') outside.push(b.text);
    else {
      outside.push(...b.header.flat());
      row.push(...(b.row ?? []));
      if (b.row) rows.push(b.row);
    }
  }
  return { outside, row, rows };
}

const names = (list: string[]) => new Set(list.flatMap((t) => findPlaceholders(t).tokens.map((k) => k.name)));
const paragraphs = (kind: DocumentKind) => kind.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));

describe.each(KINDS.map((k) => [k.id, k] as const))('%s', (_id, kind) => {
  const { outside, row, rows } = texts(kind.blocks);

  test('its default template has no problems', () => {
    expect(checkTemplate(kind, blockTexts(kind))).toEqual([]);
  });

  test('placeholders are written canonically, none is broken', () => {
    for (const text of [...outside, ...row]) {
      const scan = findPlaceholders(text);
      expect(scan.broken).toEqual([]);
      for (const t of scan.tokens) expect(t.raw).toBe(`{{${t.name}}}`);
    }
  });

  test('blocks use only declared fields, and every declared field is used', () => {
    const fields = kind.fields.map((f) => f.name);
    const rowFields = kind.rowFields.map((f) => f.name);
    const tableFields = (kind.tables ?? []).map((t) => t.fields.map((f) => f.name).sort());
    expect([...names(outside)].sort()).toEqual([...fields].sort());
    expect([...names(row)].sort()).toEqual([...rowFields, ...tableFields.flat()].sort());
    // Each repeating row holds the fields of one group, all of them: the rowFields or one extra table.
    const groups = [...(rowFields.length > 0 ? [[...rowFields].sort()] : []), ...tableFields];
    const rowGroups = rows.map((cells) => [...names(cells)].sort());
    expect(rowGroups).toHaveLength(groups.length);
    expect(rowGroups).toEqual(expect.arrayContaining(groups));
  });

  test('field names are normalised and unique, labels are Russian', () => {
    const all = [...kind.fields, ...kind.rowFields, ...(kind.tables ?? []).flatMap((t) => t.fields)];
    for (const f of all) {
      expect(normalizePlaceholderName(f.name)).toBe(f.name);
      expect(f.label).toMatch(/^[А-ЯЁ]/);
    }
    expect(new Set(all.map((f) => f.name)).size).toBe(all.length);
  });

  test('a repeating row exactly when the kind has row fields', () => {
    expect(repeatingTable(kind) !== null).toBe(kind.rowFields.length > 0);
  });

  test('every extra table has a table of its own, with a Russian label and a unique key', () => {
    const tables = kind.tables ?? [];
    const blocks = tables.map((t) => extraTable(kind, t.key));
    expect(blocks.every((b) => b !== null)).toBe(true);
    expect(new Set([...blocks, repeatingTable(kind)].filter(Boolean)).size).toBe(
      tables.length + (kind.rowFields.length > 0 ? 1 : 0),
    );
    expect(new Set(tables.map((t) => t.key)).size).toBe(tables.length);
    for (const t of tables) expect(t.label).toMatch(/^[А-ЯЁ]/);
    for (const b of blocks) {
      expect(b!.widths).toHaveLength(b!.row!.length);
      expect(b!.header.every((h) => h.length === b!.row!.length)).toBe(true);
      expect(b!.widths!.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(467);
    }
    expect(extraTable(kind, 'nothing')).toBeNull();
  });

  test('folder, scope and number prefix', () => {
    expect(DOCUMENT_FOLDERS).toContain(kind.folder);
    expect(kind.templateName.startsWith('Шаблон — ')).toBe(true);
    if (kind.id.endsWith('Order')) {
      expect([kind.folder, kind.scope, kind.numberPrefix]).toEqual(['Приказы', 'school', 'Н']);
      expect(kind.fields.map((f) => f.name)).toEqual(
        expect.arrayContaining(['школа', 'директор_подпись', 'учебный_год', 'номер_приказа', 'дата_приказа']),
      );
    } else if (kind.id === 'analyticalReport') {
      expect([kind.folder, kind.scope, kind.numberPrefix]).toEqual(['Мониторинг', 'school', 'АС']);
      expect(kind.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['школа', 'учебный_год', 'номер', 'дата']));
    } else if (kind.id === 'newsDraft') {
      expect([kind.folder, kind.scope, kind.numberPrefix]).toEqual(['Новости', 'event', 'НВ']);
      expect(kind.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['школа', 'заголовок']));
    } else if (kind.id === 'program') {
      expect([kind.folder, kind.scope, kind.numberPrefix]).toEqual(['Программы', 'pair', 'П']);
      expect(kind.fields.map((f) => f.name)).toEqual(
        expect.arrayContaining(['школа', 'директор_подпись', 'номер', 'дата']),
      );
    } else {
      expect([kind.folder, kind.scope, kind.numberPrefix]).toEqual(['Согласия', 'person', 'С']);
      expect(kind.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['школа', 'фио', 'номер', 'дата']));
    }
  });

  test('names stand where the nominative is right (values are not declined)', () => {
    for (const text of [...outside, ...row]) {
      expect(text).not.toMatch(
        /(?:Директору|директора|от|на|за|куратору|Назначить[^.]*)\s+\{\{(?:директор|фио|куратор)\}\}/,
      );
    }
  });
});

test('ids, look-up, uniqueness of what the register and Drive show', () => {
  expect(DOCUMENT_KIND_IDS).toEqual([
    'regulationOrder',
    'pairsOrder',
    'program',
    'consentPersonalData',
    'consentDuties',
    'analyticalReport',
    'newsDraft',
  ]);
  expect(DOCUMENT_FOLDERS).toEqual([
    'Шаблоны',
    'Приказы',
    'Программы',
    'Согласия',
    'Мониторинг',
    'Новости',
    'Методическая копилка',
  ]);
  for (const id of DOCUMENT_KIND_IDS) {
    expect(DOCUMENT_KINDS[id].id).toBe(id);
    expect(documentKind(id)).toBe(DOCUMENT_KINDS[id]);
  }
  for (const key of ['title', 'shortTitle', 'templateName'] as const) {
    expect(new Set(KINDS.map((k) => k[key])).size).toBe(KINDS.length);
  }
  expect(isDocumentKindId('pairsOrder')).toBe(true);
  expect(isDocumentKindId('constructor')).toBe(false);
  expect(isDocumentKindId(42)).toBe(false);
  expect(() => documentKind('toString')).toThrow('Неизвестный вид документа: «toString».');
});

describe('orders', () => {
  test.each(['regulationOrder', 'pairsOrder'] as const)('%s: the official layout', (id) => {
    const kind = DOCUMENT_KINDS[id];
    const [school, word, dateLine, title] = kind.blocks;
    expect(school).toMatchObject({ type: 'paragraph', text: '{{школа}}', align: 'CENTER', bold: true });
    expect(word).toMatchObject({ type: 'paragraph', text: 'ПРИКАЗ', align: 'CENTER', bold: true });
    expect(dateLine).toMatchObject({ type: 'paragraph', text: '{{дата_приказа}}   № {{номер_приказа}}' });
    expect(title).toMatchObject({ type: 'paragraph', align: 'CENTER', bold: true });
    expect(kind.title).toContain(`«${(title as { text: string }).text}»`);
    const text = paragraphs(kind);
    expect(text).toContain('ПРИКАЗЫВАЮ:');
    expect(text).toContain('Директор ____________ {{директор_подпись}}');
    expect(text.join('\n')).toContain(
      'Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»',
    );
    expect(text.some((t) => /^\d+\. Контроль за исполнением настоящего приказа оставляю за собой\.$/.test(t))).toBe(
      true,
    );
    // Clauses are numbered 1, 2, 3… in order.
    const numbers = text.flatMap((t) => (/^(\d+)\. /.exec(t) ?? []).slice(1)).map(Number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  test('the regulation order cites both Ministry letters of the seed and appoints the curator', () => {
    const text = paragraphs(DOCUMENT_KINDS.regulationOrder).join('\n');
    expect(text).toContain(
      'письмом Минпросвещения России от 23.01.2020 № МР-42/02 «О направлении целевой модели наставничества и ' +
        'методических рекомендаций»',
    );
    expect(text).toMatch(
      /№ АЗ-1128\/08 и Общероссийского Профсоюза образования № 657 от 21\.12\.2021 «О направлении методических рекомендаций»/,
    );
    expect(text).toContain('1. Утвердить Положение о системе наставничества педагогических работников (приложение 1).');
    expect(text).toMatch(/на \{\{учебный_год\}\} учебный год \(приложение 2\)/);
    expect(text).toContain('назначается {{куратор}}.');
    expect(text).toMatch(/официальном сайте/);
  });

  test('the pairs order: the table of pairs and the count', () => {
    const kind = DOCUMENT_KINDS.pairsOrder;
    const table = repeatingTable(kind)!;
    expect(table.header).toEqual([['№', 'Наставник', 'Наставляемый(-ые)', 'Форма наставничества', 'Срок']]);
    expect(table.row).toEqual(['{{номер_строки}}', '{{наставник}}', '{{наставляемые}}', '{{форма}}', '{{срок}}']);
    expect(table.widths!.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(467); // A4 minus 3 + 1.5 cm margins
    const text = paragraphs(kind).join('\n');
    expect(text).toMatch(/письменного согласия участников наставнических пар \(групп\)/);
    expect(text).toMatch(/персонализированные программы наставничества/);
    expect(text).toContain('{{куратор_дательный}}');
    expect(text).toContain('{{число_пар}}');
  });
});

describe('the personalized program', () => {
  const kind = DOCUMENT_KINDS.program;
  const text = paragraphs(kind);

  test('names, folder and template', () => {
    expect(kind).toMatchObject({
      title: 'Персонализированная программа наставничества',
      shortTitle: 'Программа наставничества',
      scope: 'pair',
      folder: 'Программы',
      numberPrefix: 'П',
      templateName: 'Шаблон — Персонализированная программа наставничества',
    });
  });

  test("the title page: the school, the director's approval, the title, the year, number and date", () => {
    const [school, approve, director, title, year, number] = kind.blocks;
    expect(school).toMatchObject({ type: 'paragraph', text: '{{школа}}', align: 'CENTER', bold: true });
    expect(approve).toMatchObject({ type: 'paragraph', text: 'УТВЕРЖДАЮ', align: 'RIGHT' });
    expect(director).toMatchObject({
      type: 'paragraph',
      text: 'Директор ____________ {{директор_подпись}}',
      align: 'RIGHT',
    });
    expect(title).toMatchObject({ text: 'ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА', align: 'CENTER', bold: true });
    expect(year).toMatchObject({ text: 'на {{учебный_год}} учебный год', align: 'CENTER' });
    expect(number).toMatchObject({ text: '№ {{номер}} от {{дата}}', align: 'CENTER' });
  });

  test('participants, goals and tasks, in numbered sections', () => {
    for (const line of [
      'Наставник: {{наставник}}',
      'Наставляемый(-ые): {{наставляемые}}',
      'Форма наставничества: {{форма}}',
      'Срок реализации программы: {{срок}}',
      '{{цели}}',
      '{{задачи}}',
    ]) {
      expect(text).toContain(line);
    }
    const sections = text.filter((t) => /^\d+\. /.test(t));
    expect(sections).toEqual([
      '1. Участники программы',
      '2. Цели программы',
      '3. Задачи программы',
      '4. План мероприятий',
    ]);
    expect(text.indexOf('{{цели}}')).toBeGreaterThan(text.indexOf('2. Цели программы'));
    expect(text.indexOf('{{задачи}}')).toBeGreaterThan(text.indexOf('3. Задачи программы'));
  });

  test('the plan: one repeating row per activity', () => {
    const table = repeatingTable(kind)!;
    expect(table.header).toEqual([
      ['№', 'Сроки', 'Мероприятие', 'Ответственный', 'Ожидаемый результат', 'Форма отчётности'],
    ]);
    expect(table.row).toEqual([
      '{{номер_строки}}',
      '{{месяц}}',
      '{{мероприятие}}',
      '{{ответственный}}',
      '{{результат}}',
      '{{форма_отчетности}}',
    ]);
    expect(table.widths).toHaveLength(table.row!.length);
    expect(table.widths!.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(467);
    // The plan comes after its heading, the signatures after the plan.
    const tableAt = kind.blocks.indexOf(table);
    const at = (t: string) => kind.blocks.findIndex((b) => b.type === 'paragraph' && b.text === t);
    expect(at('4. План мероприятий')).toBe(tableAt - 1);
    expect(at('Куратор ____________ {{куратор_подпись}}')).toBeGreaterThan(tableAt);
  });

  test('signatures of the mentor, the mentee(s) and the curator', () => {
    const signatures = text.filter((t) => t.includes('____________'));
    expect(signatures).toEqual([
      'Директор ____________ {{директор_подпись}}',
      'Наставник ____________ {{наставник}}',
      'Наставляемый(-ые) ____________ {{наставляемые}}',
      'Куратор ____________ {{куратор_подпись}}',
    ]);
  });

  test('filled in, it reads as a document', () => {
    const values = {
      школа: 'МБОУ «СОШ № 2»',
      директор: 'Иванова Марина Петровна',
      директор_подпись: 'М. П. Иванова',
      куратор: 'Смирнова Ольга Викторовна',
      куратор_подпись: 'О. В. Смирнова',
      учебный_год: '2026–2027',
      номер: 'П-2026-001',
      дата: formatDateLong('2026-09-15'),
      наставник: 'Петрова Анна Ивановна',
      наставляемые: 'Козлов Павел Андреевич',
      форма: 'Индивидуальная (пара)',
      срок: '01.09.2026 – 31.05.2027',
      цели: 'Освоение методики урока; Формирование навыков оценивания',
      задачи: 'Научиться формулировать цели; Освоить критерии оценивания',
    };
    const filled = text.map((t) => fillText(t, values));
    expect(filled).toContain('№ П-2026-001 от 15 сентября 2026 г.');
    expect(filled).toContain('на 2026–2027 учебный год');
    expect(filled.join('\n')).not.toMatch(/\{\{|\}\}/);
  });
});

describe('consents', () => {
  test('the personal-data consent is the questionnaire consent, spoken by the signer', () => {
    const kind = DOCUMENT_KINDS.consentPersonalData;
    const text = paragraphs(kind);
    const sentences = consentText({ operator: '{{школа}}', responsible: 'куратор наставничества {{куратор}}' }).split(
      '\n',
    );
    expect(sentences).toHaveLength(7);
    for (const s of sentences.slice(1)) expect(text).toContain(s);
    const first = text.find((t) => t.startsWith('Я, '))!;
    expect(first).toMatch(/^Я, \{\{фио\}\}, в соответствии со ст\. 9 Федерального закона от 27\.07\.2006 № 152-ФЗ/);
    expect(first).toContain('даю согласие оператору — {{школа}} — на обработку моих персональных данных.');
    expect(text).toContain('{{дата}}   ____________ / {{фио}}');
    for (const label of ['Оператор: {{школа}}', 'Работник: {{фио}}', 'Должность: {{должность}}']) {
      expect(text.some((t) => t.startsWith(label))).toBe(true);
    }
  });

  test('the duties consent: labour code, the mentees, the term, the duties of the form', () => {
    const kind = DOCUMENT_KINDS.consentDuties;
    const text = paragraphs(kind);
    const all = text.join('\n');
    expect(all).toMatch(
      /^Я, \{\{фио\}\}, в соответствии со статьями 60\.2 и 351\.8 Трудового кодекса Российской Федерации/m,
    );
    expect(all).toMatch(/наряду с работой, определённой трудовым договором, дополнительной работы по наставничеству/);
    expect(text).toContain('Наставляемые: {{наставляемые}}');
    expect(text).toContain('Срок наставничества: {{срок}}');
    const duties = dutiesConsentText('{{школа}}')
      .split('\n')
      .filter((l) => l.startsWith('—'));
    expect(duties).toHaveLength(4);
    for (const d of duties) expect(text).toContain(d);
    expect(all).toMatch(/досрочно отказаться/);
    expect(text).toContain('{{дата}}   ____________ / {{фио}}');
  });
});

describe('the analytical report', () => {
  const kind = DOCUMENT_KINDS.analyticalReport;
  const text = paragraphs(kind);
  const at = (t: string) => kind.blocks.findIndex((b) => b.type === 'paragraph' && b.text === t);

  test('names, folder and template', () => {
    expect(kind).toMatchObject({
      title: 'Аналитическая справка по итогам реализации программ наставничества',
      shortTitle: 'Аналитическая справка',
      scope: 'school',
      folder: 'Мониторинг',
      numberPrefix: 'АС',
      templateName: 'Шаблон — аналитическая справка',
      rowFields: [],
    });
    expect((kind.tables ?? []).map((t) => t.key)).toEqual(['pairs', 'questions', 'events', 'practices']);
  });

  test('the head: the school, the title, the year, date and number', () => {
    const [school, title] = kind.blocks;
    expect(school).toMatchObject({ type: 'paragraph', text: '{{школа}}', align: 'CENTER', bold: true });
    expect(title).toMatchObject({ text: 'АНАЛИТИЧЕСКАЯ СПРАВКА', align: 'CENTER', bold: true });
    expect(text).toContain('за {{учебный_год}} учебный год');
    expect(text).toContain('{{дата}}   № {{номер}}');
  });

  test('six numbered HEADING2 sections, each table under its own section', () => {
    const headings = kind.blocks.flatMap((b) => (b.type === 'paragraph' && b.heading === 'HEADING2' ? [b.text] : []));
    expect(headings).toEqual([
      '1. Общие сведения',
      '2. Реализация персонализированных программ',
      '3. Результаты мониторинга',
      '4. Мероприятия',
      '5. Лучшие практики наставничества',
      '6. Выводы и предложения',
    ]);
    const section = (key: string) => {
      const i = kind.blocks.indexOf(extraTable(kind, key)!);
      return headings.filter((h) => at(h) < i).length;
    };
    expect(['pairs', 'questions', 'events', 'practices'].map(section)).toEqual([2, 3, 4, 5]);
  });

  test('the tables: headers and fields', () => {
    const table = (key: string) => extraTable(kind, key)!;
    expect(table('pairs').header).toEqual([
      [
        '№',
        'Наставник — наставляемые',
        'Выполнение программы, %',
        'Встреч',
        'Ответили на мониторинг',
        'Средняя оценка (1–10)',
        'Решено запросов, %',
      ],
    ]);
    const fields = (key: string) => kind.tables!.find((t) => t.key === key)!.fields.map((f) => f.name);
    expect(fields('pairs')).toEqual([
      'пара_номер',
      'пара_наставник',
      'пара_наставляемые',
      'пара_выполнение',
      'пара_встреч',
      'пара_ответили',
      'пара_удовлетворенность',
      'пара_решено',
    ]);
    expect(fields('questions')).toEqual(['вопрос', 'вопрос_роль', 'вопрос_средний', 'вопрос_ответов']);
    expect(fields('events')).toEqual([
      'мероприятие_дата',
      'мероприятие_вид',
      'мероприятие_тема',
      'мероприятие_участники',
    ]);
    expect(fields('practices')).toEqual([
      'практика_название',
      'практика_автор',
      'практика_компетенция',
      'практика_описание',
    ]);
    for (const key of ['pairs', 'questions', 'events', 'practices']) {
      // Every field once in the row, in order (the pairs table puts two in one cell).
      expect(
        table(key)
          .row!.join(' ')
          .match(/\{\{[^}]+\}\}/g),
      ).toEqual(fields(key).map((n) => `{{${n}}}`));
    }
  });

  test('blockTexts finds the four rows, checkTemplate sees no problem', () => {
    const texts = blockTexts(kind);
    expect(texts.row).toBeNull();
    expect(Object.keys(texts.tables!)).toEqual(['pairs', 'questions', 'events', 'practices']);
    expect(texts.mixed).toBeUndefined();
    expect(checkTemplate(kind, texts)).toEqual([]);
  });

  test('figures in the text, conclusions as italic hints, signatures of the curator and the methodologist', () => {
    const all = text.join('\n');
    for (const name of [
      'число_пар',
      'число_наставников',
      'число_наставляемых',
      'встреч',
      'мероприятий',
      'удовлетворенность_наставляемых',
      'удовлетворенность_наставников',
    ]) {
      expect(all).toContain(`{{${name}}}`);
    }
    // Percentages carry their sign in the value («67%»), so a missing figure reads «нет данных», not «—%».
    for (const name of ['выполнение_программ', 'охват_мониторинга', 'решено_запросов']) {
      expect(all).toContain(`{{${name}}}`);
      expect(all).not.toContain(`{{${name}}}%`);
    }
    expect(all).toContain('{{самооценка_до}} → {{самооценка_после}}');
    const hints = kind.blocks.filter((b) => b.type === 'paragraph' && b.text.startsWith('['));
    expect(hints.length).toBeGreaterThanOrEqual(2);
    expect(hints.every((h) => h.type === 'paragraph' && h.italic && h.text.endsWith(']'))).toBe(true);
    expect((hints[0] as { text: string }).text).toMatch(/^\[Выводы методиста/);
    expect(at((hints[0] as { text: string }).text)).toBeGreaterThan(at('6. Выводы и предложения'));
    expect(text.filter((t) => t.includes('____________'))).toEqual([
      'Куратор ____________ {{куратор_подпись}}',
      'Методист ____________ {{методист_подпись}}',
    ]);
  });
});

describe('the news draft', () => {
  const kind = DOCUMENT_KINDS.newsDraft;

  test('names, folder and template', () => {
    expect(kind).toMatchObject({
      title: 'Новость для сайта',
      shortTitle: 'Новость',
      scope: 'event',
      folder: 'Новости',
      numberPrefix: 'НВ',
      templateName: 'Шаблон — новость для сайта',
      rowFields: [],
    });
    expect(kind.fields.map((f) => f.name)).toEqual([
      'заголовок',
      'лид',
      'текст',
      'мероприятие_дата',
      'мероприятие_вид',
      'мероприятие_тема',
      'участники_число',
      'ответственный',
      'раздел_сайта',
      'школа',
    ]);
  });

  test('a small note, the title, the bold lead, the text, then the facts', () => {
    const [note, title, lead, bodyText] = kind.blocks;
    expect(note).toMatchObject({
      text: 'Черновик новости для раздела «{{раздел_сайта}}» сайта. Проверьте факты перед публикацией.',
      fontSize: 10,
    });
    expect(title).toMatchObject({ text: '{{заголовок}}', heading: 'HEADING1' });
    expect(lead).toMatchObject({ text: '{{лид}}', bold: true });
    expect(bodyText).toMatchObject({ text: '{{текст}}' });
    const text = paragraphs(kind);
    const facts = text.slice(text.indexOf('Факты') + 1);
    expect(facts).toEqual([
      'Дата: {{мероприятие_дата}}',
      'Вид мероприятия: {{мероприятие_вид}}',
      'Тема: {{мероприятие_тема}}',
      'Участников: {{участники_число}}',
      'Организатор: {{ответственный}}',
      'Образовательная организация: {{школа}}',
    ]);
    const filled = text.map((t) => fillText(t, { раздел_сайта: 'Методическая работа' }));
    expect(filled[0]).toBe(
      'Черновик новости для раздела «Методическая работа» сайта. Проверьте факты перед публикацией.',
    );
  });
});

test('a filled default template reads as a document', () => {
  const values = {
    школа: 'МБОУ «СОШ № 2»',
    директор: 'Иванова Марина Петровна',
    директор_подпись: 'М. П. Иванова',
    куратор: 'Смирнова Ольга Викторовна',
    куратор_подпись: 'О. В. Смирнова',
    учебный_год: '2026–2027',
    номер_приказа: 'Н-2026-001',
    дата_приказа: formatDateLong('2026-09-01'),
  };
  const text = paragraphs(DOCUMENT_KINDS.regulationOrder).map((t) => fillText(t, values));
  expect(text[2]).toBe('1 сентября 2026 г.   № Н-2026-001');
  expect(text.join('\n')).not.toMatch(/\{\{|\}\}/);
});

describe('dates in words', () => {
  test('long and short dates', () => {
    expect(formatDateLong('2026-11-25')).toBe('25 ноября 2026 г.');
    expect(formatDateLong('2027-03-01')).toBe('1 марта 2027 г.');
    expect(formatDateLong('2028-02-29')).toBe('29 февраля 2028 г.');
    expect(formatDateShort('2026-11-25')).toBe('25.11.2026');
    expect(formatDateShort('2027-03-01')).toBe('01.03.2027');
    expect(() => formatDateLong('2027-02-29')).toThrow();
    expect(() => formatDateLong('25.11.2026')).toThrow();
  });

  test('school year', () => {
    expect(schoolYearLabel(2026)).toBe('2026/2027');
    expect(schoolYearPhrase(2026)).toBe('2026/2027 учебный год');
    expect(() => schoolYearLabel(2026.5)).toThrow();
  });
});
