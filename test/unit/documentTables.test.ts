/**
 * inspectTemplate / fillDocument against the emulator's DocumentApp: templates built from the kinds'
 * blocks by the real buildTemplate, then filled as generation fills a copy.
 */
import { Env } from '../../emulator/core/env';
import { createDocumentApp } from '../../emulator/docs/documentApp';
import { newDriveModel } from '../../emulator/drive/store';
import { createDriveV3 } from '../../emulator/drive/v3/service';
import { DOCUMENT_KINDS } from '../../src/domain/documents/kinds';
import type { DocumentKind, TemplateBlock, TemplateTable } from '../../src/domain/documents/types';
import { EMPTY_ROW_MARK, fillDocument, inspectTemplate } from '../../src/docs/merge';
import { buildTemplate } from '../../src/docs/templates';

type Body = GoogleAppsScript.Document.Body;
type Rows = Array<Record<string, string>>;

const globals = globalThis as Record<string, unknown>;
let documentApp: GoogleAppsScript.Document.DocumentApp;
let folderId: string;

beforeEach(() => {
  const env = new Env({ now: '2027-06-10T12:00:00+03:00', user: 'metodist@school.example' });
  const drive = newDriveModel();
  documentApp = createDocumentApp(env, drive);
  const driveV3 = createDriveV3(env, drive);
  globals.DocumentApp = documentApp;
  globals.Drive = driveV3;
  folderId = driveV3.Files.create({ name: 'Шаблоны', mimeType: 'application/vnd.google-apps.folder' }).id!;
});

afterEach(() => {
  delete globals.DocumentApp;
  delete globals.Drive;
});

/** The body of a fresh template Doc of `kind`, built from its blocks as the add-on builds it. */
function templateBody(kind: DocumentKind): Body {
  return documentApp.openById(buildTemplate(kind, folderId)).getBody();
}

/** Every table of a body as rows of cell texts. */
function tables(body: Body): string[][][] {
  return body.getTables().map((t) => {
    const rows: string[][] = [];
    for (let r = 0; r < t.getNumRows(); r++) {
      const row = t.getRow(r);
      const cells: string[] = [];
      for (let c = 0; c < row.getNumCells(); c++) cells.push(row.getCell(c).getText());
      rows.push(cells);
    }
    return rows;
  });
}

/** The rows under the header of the table whose first header cell is `first`. */
function rowsUnder(body: Body, first: string): string[][] {
  const found = tables(body).filter((t) => t[0][0] === first);
  expect(found).toHaveLength(1);
  return found[0].slice(1);
}

const report = DOCUMENT_KINDS.analyticalReport;

const COMMON: Record<string, string> = {
  школа: 'МБОУ «СОШ № 2»',
  учебный_год: '2026–2027',
  номер: 'АС-2027-001',
  дата: '10 июня 2027 г.',
  куратор: 'Орлова Ирина Сергеевна',
  куратор_подпись: 'И. С. Орлова',
  методист: 'Смирнова Ольга Викторовна',
  методист_подпись: 'О. В. Смирнова',
  число_пар: '2',
  число_наставников: '2',
  число_наставляемых: '3',
  выполнение_программ: '87,5%',
  встреч: '24',
  мероприятий: '1',
  охват_мониторинга: '90%',
  удовлетворенность_наставляемых: '8,5',
  удовлетворенность_наставников: '9',
  решено_запросов: '75%',
  самооценка_до: '5,2',
  самооценка_после: '7,8',
};

const PAIRS: Rows = [
  {
    пара_номер: '1',
    пара_наставник: 'Петрова Анна Ивановна',
    пара_наставляемые: 'Козлов Павел Андреевич',
    пара_выполнение: '100',
    пара_встреч: '14',
    пара_ответили: '2 из 2',
    пара_удовлетворенность: '9',
    пара_решено: '80',
  },
  {
    пара_номер: '2',
    пара_наставник: 'Сидоров Олег Иванович',
    пара_наставляемые: 'Кузнецова Анна Павловна, Лебедев Илья Олегович',
    пара_выполнение: '75',
    пара_встреч: '10',
    пара_ответили: '3 из 3',
    пара_удовлетворенность: '8',
    пара_решено: '70',
  },
];
const QUESTIONS: Rows = [
  { вопрос: 'Насколько полезны встречи', вопрос_роль: 'наставляемые', вопрос_средний: '8,7', вопрос_ответов: '3' },
  { вопрос: 'Решены ли ваши запросы', вопрос_роль: 'наставляемые', вопрос_средний: '7,5', вопрос_ответов: '3' },
  { вопрос: 'Готовность продолжать', вопрос_роль: 'наставники', вопрос_средний: '9', вопрос_ответов: '2' },
];
const EVENTS: Rows = [
  {
    мероприятие_дата: '15.03.2027',
    мероприятие_вид: 'Мастер-класс',
    мероприятие_тема: 'Формирующее оценивание',
    мероприятие_участники: '12',
  },
];

describe('the analytical report', () => {
  test('the built template: four repeating rows found, no problem', () => {
    const shape = inspectTemplate(report, templateBody(report));
    expect(shape.problems).toEqual([]);
    expect(shape.row).toBeNull();
    expect(Object.keys(shape.tables!).sort()).toEqual(['events', 'pairs', 'practices', 'questions']);
    expect(shape.tables!.pairs).toMatchObject({ table: 0, row: 1 });
    expect(shape.tables!.practices).toMatchObject({ table: 3, row: 1 });
    expect(shape.tokens.map((t) => t.name)).not.toContain('пара_номер');
    expect(shape.tokens.map((t) => t.name)).toContain('охват_мониторинга');
  });

  test('four tables filled, an empty one keeps its header and one row «—», no placeholder left', () => {
    const body = templateBody(report);
    fillDocument(body, inspectTemplate(report, body), COMMON, [], {
      pairs: PAIRS,
      questions: QUESTIONS,
      events: EVENTS,
      practices: [],
    });
    const filled = tables(body);
    expect(filled.map((t) => t.length)).toEqual([3, 4, 2, 2]);
    expect(filled[0][0][0]).toBe('№');
    // The mentor and the mentees share the second column.
    expect(filled[0].slice(1)).toEqual(
      PAIRS.map(({ пара_наставник, пара_наставляемые, ...p }) => {
        const [no, ...rest] = Object.values(p);
        return [no, `${пара_наставник} — ${пара_наставляемые}`, ...rest];
      }),
    );
    expect(filled[1].slice(1)).toEqual(QUESTIONS.map((q) => Object.values(q)));
    expect(filled[2].slice(1)).toEqual(EVENTS.map((e) => Object.values(e)));
    expect(filled[3]).toEqual([
      ['Практика', 'Автор', 'Компетенция', 'Описание'],
      [EMPTY_ROW_MARK, '', '', ''],
    ]);
    const text = body.getText();
    expect(text).not.toMatch(/\{\{|\}\}/);
    expect(text).toContain('Охват мониторинга: 90%.');
    expect(text).toContain('5,2 → 7,8');
    expect(text).toContain('Методист ____________ О. В. Смирнова');
    // Only the empty table shows «—».
    expect(filled.flat(2).filter((c) => c === EMPTY_ROW_MARK)).toHaveLength(1);
  });

  test('a table without rows in the item (key missing) is shown empty too', () => {
    const body = templateBody(report);
    fillDocument(body, inspectTemplate(report, body), COMMON, [], { pairs: PAIRS });
    expect(tables(body).map((t) => t.slice(1).map((r) => r[0]))).toEqual([['1', '2'], ['—'], ['—'], ['—']]);
  });

  test('hostile values go in literally: $, backslashes, braces, regex characters', () => {
    const hostile = '{{школа}} $1 $& \\1 \\ .* (?<x>a) [x] {{вопрос}}';
    const body = templateBody(report);
    fillDocument(body, inspectTemplate(report, body), { ...COMMON, школа: 'Школа $2 {{директор}}' }, [], {
      pairs: [{ ...PAIRS[0], пара_наставник: hostile, пара_наставляемые: '$$ \\\\ }}' }],
      questions: [{ ...QUESTIONS[0], вопрос: '{{вопрос_роль}}' }],
      events: [{ ...EVENTS[0], мероприятие_тема: '\\$&' }],
    });
    const [pairs, questions, events] = tables(body);
    // The mentor and the mentees share a cell: «наставник — наставляемые».
    expect(pairs[1][1]).toBe(`${hostile} — $$ \\\\ }}`);
    expect(questions[1]).toEqual(['{{вопрос_роль}}', 'наставляемые', '8,7', '3']);
    expect(events[1][2]).toBe('\\$&');
    expect(body.getText()).toContain('Школа $2 {{директор}}');
    expect(body.getText()).not.toContain('\uE000');

    // Braces only in a table's values are given back too.
    const plain = templateBody(report);
    fillDocument(plain, inspectTemplate(report, plain), COMMON, [], {
      events: [{ ...EVENTS[0], мероприятие_тема: '{{a}}' }],
    });
    expect(tables(plain)[2][1][2]).toBe('{{a}}');
    expect(plain.getText()).not.toContain('\uE000');
  });
});

/** A table block with a header row and a repeating row. */
const table = (header: string[], row: string[]): TemplateTable => ({ type: 'table', header: [header], row });

describe('where the tables stand does not matter', () => {
  const p = (text: string): TemplateBlock => ({ type: 'paragraph', text });
  const pairsTable = table(['№', 'Наставник'], ['{{пара_номер}}', '{{пара_наставник}}']);
  const eventsTable = table(['Дата', 'Тема'], ['{{мероприятие_дата}}', '{{мероприятие_тема}}']);
  const questionsTable = table(['Вопрос', 'Средний'], ['{{вопрос}}', '{{вопрос_средний}}']);
  const TWO_PAIRS = PAIRS.map((r) => ({ пара_номер: r.пара_номер, пара_наставник: r.пара_наставник }));
  const QS = QUESTIONS.map((q) => ({ вопрос: q.вопрос, вопрос_средний: q.вопрос_средний }));
  const EVS = [
    { мероприятие_дата: '01.02.2027', мероприятие_тема: 'Тема 1' },
    { мероприятие_дата: '02.02.2027', мероприятие_тема: 'Тема 2' },
  ];
  const data = { pairs: TWO_PAIRS, questions: QS, events: EVS, practices: [] };

  function expectFilled(body: Body) {
    expect(rowsUnder(body, '№')).toEqual([
      ['1', 'Петрова Анна Ивановна'],
      ['2', 'Сидоров Олег Иванович'],
    ]);
    expect(rowsUnder(body, 'Дата')).toEqual([
      ['01.02.2027', 'Тема 1'],
      ['02.02.2027', 'Тема 2'],
    ]);
    expect(rowsUnder(body, 'Вопрос')).toEqual(QS.map((q) => [q.вопрос, q.вопрос_средний]));
    expect(body.getText()).not.toMatch(/\{\{/);
  }

  test('tables in another order than the kind lists them', () => {
    const kind: DocumentKind = { ...report, blocks: [p('{{школа}}'), eventsTable, questionsTable, pairsTable] };
    const body = templateBody(kind);
    const shape = inspectTemplate(kind, body);
    expect(shape.problems).toEqual([]);
    expect(shape.tables).toEqual({
      events: expect.objectContaining({ table: 0, row: 1 }),
      questions: expect.objectContaining({ table: 1, row: 1 }),
      pairs: expect.objectContaining({ table: 2, row: 1 }),
    });
    fillDocument(body, shape, COMMON, [], data);
    expectFilled(body);
  });

  test('two repeating rows in one table: rows put in for the lower one do not shift the upper one', () => {
    // A staff-edited template: the events under the pairs in one table, a sub-header between them.
    const kind: DocumentKind = {
      ...report,
      blocks: [
        p('{{школа}}'),
        questionsTable,
        {
          type: 'table',
          header: [['№', 'Наставник']],
          row: ['{{пара_номер}}', '{{пара_наставник}}'],
        },
      ],
    };
    const body = templateBody(kind);
    const joint = body.getTables()[1];
    joint.appendTableRow(joint.getRow(0).copy()).getCell(0).setText('Дата');
    const eventsRow = joint.appendTableRow(joint.getRow(1).copy());
    eventsRow.getCell(0).setText('{{мероприятие_дата}}');
    eventsRow.getCell(1).setText('{{мероприятие_тема}}');
    const shape = inspectTemplate(kind, body);
    expect(shape.problems).toEqual([]);
    expect(shape.tables).toEqual({
      questions: expect.objectContaining({ table: 0, row: 1 }),
      pairs: expect.objectContaining({ table: 1, row: 1 }),
      events: expect.objectContaining({ table: 1, row: 3 }),
    });
    fillDocument(body, shape, COMMON, [], data);
    expect(tables(body)[1]).toEqual([
      ['№', 'Наставник'],
      ['1', 'Петрова Анна Ивановна'],
      ['2', 'Сидоров Олег Иванович'],
      ['Дата', 'Наставник'],
      ['01.02.2027', 'Тема 1'],
      ['02.02.2027', 'Тема 2'],
    ]);
    expect(rowsUnder(body, 'Вопрос')).toEqual(QS.map((q) => [q.вопрос, q.вопрос_средний]));
  });
});

describe('templates staff edit', () => {
  test('a table whose row was deleted is not filled; the others are', () => {
    const body = templateBody(report);
    body.getTables()[3].removeRow(1);
    const shape = inspectTemplate(report, body);
    expect(shape.problems).toEqual([]);
    expect(Object.keys(shape.tables!).sort()).toEqual(['events', 'pairs', 'questions']);
    fillDocument(body, shape, COMMON, [], { pairs: PAIRS, questions: QUESTIONS, events: EVENTS, practices: [] });
    expect(tables(body).map((t) => t.length)).toEqual([3, 4, 2, 1]);
  });

  test("a table's field outside its row, and fields of two tables in one row, are reported", () => {
    const body = templateBody(report);
    body.appendParagraph('Лучшая практика: {{практика_название}}');
    const row = body.getTables()[1].getRow(1);
    row.getCell(1).setText('{{пара_наставник}}');
    const shape = inspectTemplate(report, body);
    expect(shape.problems).toEqual([
      'Поле {{практика_название}} можно использовать только в повторяющейся строке таблицы «Лучшие практики ' +
        'наставничества».',
      'В одной строке таблицы поля разных таблиц: {{пара_наставник}} (таблица «Реализация персонализированных ' +
        'программ»), {{вопрос}}, {{вопрос_средний}}, {{вопрос_ответов}} (таблица «Вопросы мониторинга») — у ' +
        'каждой таблицы должна быть своя строка с её полями.',
    ]);
    // The mixed row belongs to no table.
    expect(shape.tables!.questions).toBeUndefined();
  });

  test('an unknown field in a table row is reported with the closest name', () => {
    const body = templateBody(report);
    body.getTables()[2].getRow(1).getCell(3).setText('{{мероприятие_участник}}');
    const [first] = inspectTemplate(report, body).problems;
    expect(first).toBe('Неизвестное поле {{мероприятие_участник}} — может быть, {{мероприятие_участники}}?');
  });
});

describe('kinds with one repeating row, as before', () => {
  const order = DOCUMENT_KINDS.pairsOrder;
  const ROWS: Rows = [
    {
      номер_строки: '1',
      наставник: 'Петрова А. И.',
      наставляемые: 'Козлов П. А.',
      форма: 'индивидуальная',
      срок: 'год',
    },
    { номер_строки: '2', наставник: 'Сидоров О. И.', наставляемые: '$1 \\ {{срок}}', форма: 'групповая', срок: '—' },
  ];

  test('the shape has no tables; the row is repeated, the template row removed', () => {
    const body = templateBody(order);
    const shape = inspectTemplate(order, body);
    expect(Object.keys(shape)).toEqual(['tokens', 'row', 'problems']);
    expect(shape.row).toMatchObject({ table: 0, row: 1 });
    fillDocument(
      body,
      shape,
      { ...COMMON, номер_приказа: 'Н-2027-001', дата_приказа: '1 сентября', директор: 'Д' },
      ROWS,
    );
    expect(tables(body)).toEqual([
      [
        ['№', 'Наставник', 'Наставляемый(-ые)', 'Форма наставничества', 'Срок'],
        ['1', 'Петрова А. И.', 'Козлов П. А.', 'индивидуальная', 'год'],
        ['2', 'Сидоров О. И.', '$1 \\ {{срок}}', 'групповая', '—'],
      ],
    ]);
    expect(body.getText()).not.toMatch(/\{\{(?!срок\}\})/);
  });

  test('no rows: the template row is removed, no «—» row is added', () => {
    const body = templateBody(order);
    fillDocument(body, inspectTemplate(order, body), COMMON, [], { pairs: PAIRS });
    expect(tables(body)).toEqual([[['№', 'Наставник', 'Наставляемый(-ые)', 'Форма наставничества', 'Срок']]]);
  });

  test('a kind without any repeating row: placeholders filled, tables untouched', () => {
    const kind = DOCUMENT_KINDS.regulationOrder;
    const body = templateBody(kind);
    const before = tables(body);
    const shape = inspectTemplate(kind, body);
    expect(shape).toEqual({ tokens: expect.any(Array), row: null, problems: [] });
    fillDocument(body, shape, { ...COMMON, директор: 'Д', номер_приказа: 'Н-1', дата_приказа: '1 сентября' }, []);
    expect(tables(body)).toEqual(
      before.map((t) => t.map((r) => r.map((c) => c.replace('{{учебный_год}}', '2026–2027')))),
    );
  });
});
