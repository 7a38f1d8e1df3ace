import fs, { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { fromWallClock } from '../../emulator/core/timezone';
import {
  isTempFileName,
  readJson,
  tempPathFor,
  writeFileAtomic,
  writeJsonAtomic,
} from '../../emulator/persistence/atomicWrite';
import {
  loadSpreadsheet,
  META_FILE,
  saveSpreadsheet,
  saveSpreadsheetXlsx,
  XLSX_FILE,
} from '../../emulator/persistence/xlsx';
import { Cell, newSheetModel, newSpreadsheetModel, SpreadsheetModel } from '../../emulator/spreadsheet/model';

const TZ = 'Europe/Moscow';
const moscow = (y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date =>
  new Date(fromWallClock(TZ, y, m, d, h, mi, s));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'persist-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function set(model: SpreadsheetModel, sheet: number, a1: string, cell: Cell): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  const rows = model.sheets[sheet]!.rows;
  (rows[row] ??= [])[col] = cell;
}

function sampleModel(): SpreadsheetModel {
  const model = newSpreadsheetModel('Дорожная карта', 'sheet-abc');
  model.sheets = [newSheetModel(0, 'Ученики'), newSheetModel(3, 'План работы', 200, 12), newSheetModel(5, 'Служебный')];
  model.nextSheetId = 6;
  model.activeSheet = 1;
  const [s0, s1, s2] = model.sheets as [
    ReturnType<typeof newSheetModel>,
    ReturnType<typeof newSheetModel>,
    ReturnType<typeof newSheetModel>,
  ];

  set(model, 0, 'A1', { value: 'Имя', format: { fontWeight: 'bold', background: '#d9ead3' } });
  set(model, 0, 'B1', { value: 'Готово', format: { fontWeight: 'bold', background: '#d9ead3' } });
  set(model, 0, 'A2', { value: '=cmd|" /C calc"!A0' });
  set(model, 0, 'B2', { value: '<b>жирный</b> & "кавычки" <script>' });
  set(model, 0, 'A3', { value: 42.5, format: { numberFormat: '0.00' } });
  set(model, 0, 'B3', { value: true });
  set(model, 0, 'C3', { value: false });
  set(model, 0, 'D3', { value: -0.125 });
  set(model, 0, 'A4', { value: moscow(2024, 9, 1), format: { numberFormat: 'dd.mm.yyyy' } });
  set(model, 0, 'B4', { value: moscow(2025, 3, 15, 14, 30, 5) });
  set(model, 0, 'C4', { value: moscow(2024, 12, 31), format: { numberFormat: '0.00' } });
  set(model, 0, 'D4', { value: 45000, format: { numberFormat: 'dd.mm.yyyy' } });
  set(model, 0, 'E4', { value: moscow(1899, 12, 30, 9, 15), format: { numberFormat: 'hh:mm' } });
  set(model, 0, 'A5', { value: 85, formula: '=A3*2' });
  set(model, 0, 'B5', { value: moscow(2024, 9, 15), formula: '=A4+14', format: { numberFormat: 'dd.mm.yyyy' } });
  set(model, 0, 'C5', { value: '', formula: '=IF(A3>100,A4,"")', format: { numberFormat: 'dd.mm.yyyy' } });
  set(model, 0, 'D5', { value: 'Иванов', formula: '=VLOOKUP(1,Ученики!A:B,2,FALSE)' });
  set(model, 0, 'A6', {
    value: 'Красный курсив',
    note: 'Заметка\nв две строки',
    format: {
      fontColor: '#ff0000',
      fontStyle: 'italic',
      wrap: true,
      horizontalAlignment: 'center',
      verticalAlignment: 'middle',
    },
  });
  set(model, 0, 'B6', { value: '001', format: { numberFormat: '@' } });
  set(model, 0, 'C6', { value: '', format: { background: '#ffffff' } });
  // validations: 0 inline list, 1 list with a comma (sidecar only), 2 checkbox (sidecar only)
  s0.validations = [
    {
      kind: 'list',
      values: ['Да', 'Нет', 'Может быть'],
      showDropdown: true,
      allowInvalid: false,
      helpText: 'Выберите',
    },
    { kind: 'list', values: ['a,b', 'c'], showDropdown: true, allowInvalid: true },
    { kind: 'checkbox', allowInvalid: false },
  ];
  set(model, 0, 'E2', { value: 'Да', validation: 0 });
  set(model, 0, 'E3', { value: '', validation: 0 });
  set(model, 0, 'F3', { value: '', validation: 0 });
  set(model, 0, 'F2', { value: 'c', validation: 1 });
  set(model, 0, 'G2', { value: false, validation: 2 });
  set(model, 0, 'G3', { value: true, validation: 2 });
  s0.conditionalRules = [
    {
      ranges: [{ row: 2, col: 0, numRows: 8, numCols: 7 }],
      kind: 'formula',
      formula: '=$B3=TRUE',
      background: '#fce8b2',
      bold: true,
    },
    {
      ranges: [
        { row: 1, col: 4, numRows: 10, numCols: 1 },
        { row: 1, col: 6, numRows: 10, numCols: 1 },
      ],
      kind: 'textEqualTo',
      text: 'Нет "совсем"',
      fontColor: '#cc0000',
      strikethrough: true,
    },
    { ranges: [{ row: 1, col: 1, numRows: 5, numCols: 1 }], kind: 'cellEmpty', background: '#eeeeee' },
  ];
  s0.protections = [
    {
      id: 1,
      description: 'Шапка',
      warningOnly: false,
      editors: ['owner@school.ru', 'zavuch@school.ru'],
      unprotected: [],
      range: { row: 0, col: 0, numRows: 1, numCols: 26 },
    },
    {
      id: 2,
      description: '',
      warningOnly: true,
      editors: [],
      unprotected: [{ row: 1, col: 4, numRows: 10, numCols: 2 }],
    },
  ];
  model.nextProtectionId = 3;
  s0.metadata = { 'roadmap.version': '3', 'roadmap.kind': 'students' };
  s0.columnWidths = [200, undefined, 150, 37];
  s0.hiddenColumns[3] = true; // sparse: a missing entry and `false` mean the same
  s0.frozenRows = 1;

  set(model, 1, 'A1', { value: 'Месяц' });
  set(model, 1, 'B1', { value: 'Событие' });
  set(model, 1, 'A2', { value: moscow(2024, 10, 1), format: { numberFormat: 'mmmm yyyy' } });
  s1.frozenRows = 1;
  s1.frozenCols = 2;
  s1.hiddenRows = [];
  s1.hiddenRows[7] = true; // empty hidden row
  s1.hiddenRows[1] = true; // hidden row with data
  s1.tabColor = '#4a86e8';

  s2.hidden = true;
  set(model, 2, 'A1', { value: 'служебное' });
  s2.metadata = { secret: 'x' };

  model.namedRanges = [
    { name: 'Ученики_список', sheetId: 0, range: { row: 1, col: 0, numRows: 9, numCols: 2 } },
    { name: 'Итог', sheetId: 3, range: { row: 0, col: 1, numRows: 1, numCols: 1 } },
    { name: 'A1', sheetId: 5, range: { row: 0, col: 0, numRows: 1, numCols: 1 } }, // not an Excel name
  ];
  return model;
}

describe('xlsx persistence: round trip', () => {
  test('everything persisted comes back equal', async () => {
    const model = sampleModel();
    await saveSpreadsheet(model, dir);
    expect(readdirSync(dir).sort()).toEqual([META_FILE, XLSX_FILE].sort());
    const loaded = await loadSpreadsheet(dir);
    expect(loaded).not.toBeNull();
    expect(loaded!.problems).toEqual([]);
    expect(loaded!.model).toEqual(model);
    // exact instants, string-not-formula, types
    const r = loaded!.model.sheets[0]!.rows;
    expect((r[3]![0]!.value as Date).getTime()).toBe(moscow(2024, 9, 1).getTime());
    expect(r[1]![0]).toEqual({ value: '=cmd|" /C calc"!A0' });
    expect(r[1]![0]!.formula).toBeUndefined();
    expect(r[4]![2]!.value).toBe('');
    expect(typeof r[3]![3]!.value).toBe('number');
    expect(r[3]![2]!.value).toBeInstanceOf(Date);
  });

  test('the xlsx is a real workbook: values, dates as wall clock, formulas, styles, validations', async () => {
    const model = sampleModel();
    await saveSpreadsheet(model, dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, XLSX_FILE));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ученики', 'План работы', 'Служебный']);
    const ws = wb.getWorksheet('Ученики')!;
    expect(ws.getCell('A2').value).toBe('=cmd|" /C calc"!A0');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    // 2024-09-01 00:00 Moscow is shown as 2024-09-01 00:00 in Excel
    expect((ws.getCell('A4').value as Date).toISOString()).toBe('2024-09-01T00:00:00.000Z');
    expect(ws.getCell('A5').value).toEqual({ formula: 'A3*2', result: 85 });
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: 'FFD9EAD3' });
    expect(ws.getColumn(1).width).toBeCloseTo(200 / 7);
    expect(ws.getColumn(4).hidden).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
      .model;
    expect(dv.E2).toMatchObject({ type: 'list', formulae: ['"Да,Нет,Может быть"'], showErrorMessage: true });
    expect(dv.F2).toBeUndefined(); // comma inside a value: sidecar only
    expect(wb.getWorksheet('Служебный')!.state).toBe('hidden');
    expect(wb.getWorksheet('План работы')!.getRow(8).hidden).toBe(true);
  });

  test('saveSpreadsheetXlsx writes a standalone workbook', async () => {
    const file = path.join(dir, 'export.xlsx');
    await saveSpreadsheetXlsx(sampleModel(), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets).toHaveLength(3);
  });

  test('sheet names Excel cannot take are mapped and restored', async () => {
    const model = newSpreadsheetModel();
    model.sheets = [
      newSheetModel(0, 'План: 2024/2025 [черновик] с очень длинным названием'),
      newSheetModel(1, "'кавычки'"),
    ];
    model.nextSheetId = 2;
    set(model, 0, 'A1', { value: 1 });
    await saveSpreadsheet(model, dir);
    const loaded = await loadSpreadsheet(dir);
    expect(loaded!.model).toEqual(model);
  });

  test('no xlsx → null', async () => {
    expect(await loadSpreadsheet(dir)).toBeNull();
    expect(await loadSpreadsheet(path.join(dir, 'missing'))).toBeNull();
  });
});

describe('xlsx persistence: file edited by hand', () => {
  test('xlsx wins for sheets and values; problems reported in Russian', async () => {
    const model = sampleModel();
    await saveSpreadsheet(model, dir);
    const file = path.join(dir, XLSX_FILE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Ученики')!;
    ws.getCell('A3').value = 99;
    ws.getCell('B2').value = 'исправлено';
    ws.getCell('H1').value = new Date(Date.UTC(2025, 0, 20, 0, 0, 0)); // Excel shows 20.01.2025 00:00
    ws.getCell('H1').numFmt = 'dd.mm.yyyy';
    wb.removeWorksheet(wb.getWorksheet('Служебный')!.id);
    const added = wb.addWorksheet('Новый лист');
    added.getCell('A1').value = 'обычный';
    added.getCell('B7').value = { richText: [{ text: 'Жирный ', font: { bold: true } }, { text: 'и обычный' }] };
    added.getCell('C2').value = { error: '#REF!' };
    added.getCell('D1').value = { text: 'ссылка', hyperlink: 'https://example.com' };
    added.getCell('E1').value = { formula: 'A1&"!"', result: 'обычный!' };
    added.mergeCells('F1:G2');
    added.getCell('F1').value = 'объединено';
    added.addConditionalFormatting({
      ref: 'A1:A10',
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: ['$A1="x"'],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF00FF00' } } },
        },
      ],
    });
    await wb.xlsx.writeFile(file);

    const loaded = await loadSpreadsheet(dir);
    expect(loaded).not.toBeNull();
    const { model: m, problems } = loaded!;
    expect(m.sheets.map((s) => s.name)).toEqual(['Ученики', 'План работы', 'Новый лист']);
    expect(m.sheets.map((s) => s.id)).toEqual([0, 3, 6]);
    expect(m.nextSheetId).toBe(7);
    const s0 = m.sheets[0]!;
    expect(s0.rows[2]![0]).toEqual({ value: 99, format: { numberFormat: '0.00' } });
    expect(s0.rows[1]![1]).toEqual({ value: 'исправлено' });
    expect((s0.rows[0]![7]!.value as Date).getTime()).toBe(moscow(2025, 1, 20).getTime());
    // sidecar data still merged for the surviving sheet
    expect(s0.metadata).toEqual(model.sheets[0]!.metadata);
    expect(s0.protections).toEqual(model.sheets[0]!.protections);
    expect(s0.conditionalRules).toEqual(model.sheets[0]!.conditionalRules);
    expect(s0.rows[1]![5]).toEqual({ value: 'c', validation: 1 });
    // the removed sheet's sidecar entries and its named range are gone
    expect(m.namedRanges.map((n) => n.name)).toEqual(['Ученики_список', 'Итог']);

    const s2 = m.sheets[2]!;
    expect(s2.rows[0]![0]).toEqual({ value: 'обычный' });
    expect(s2.rows[6]![1]).toEqual({ value: 'Жирный и обычный' });
    expect(s2.rows[1]![2]).toEqual({ value: '#REF!' });
    expect(s2.rows[0]![3]).toEqual({ value: 'ссылка' });
    expect(s2.rows[0]![4]).toEqual({ value: 'обычный!', formula: '=A1&"!"' });
    expect(s2.rows[0]![5]).toEqual({ value: 'объединено' });
    expect(s2.rows[0]![6]).toBeUndefined();
    expect(s2.metadata).toEqual({});
    expect(s2.conditionalRules).toEqual([
      {
        ranges: [{ row: 0, col: 0, numRows: 10, numCols: 1 }],
        kind: 'formula',
        formula: '=$A1="x"',
        background: '#00ff00',
      },
    ]);
    expect(s2.maxRows).toBe(1000);

    expect(problems).toEqual(
      expect.arrayContaining([
        'Лист «Новый лист», ячейка B7: не удалось прочитать значение (форматированный текст), оставлено как текст',
        'Лист «Новый лист», ячейка C2: не удалось прочитать значение (ошибка #REF!), оставлено как текст',
        'Лист «Новый лист», ячейка D1: не удалось прочитать значение (гиперссылка https://example.com), оставлено как текст',
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  test('an xlsx without a sidecar loads with defaults', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Данные');
    ws.getCell('A1').value = 'x';
    ws.getCell('A2').value = 3;
    ws.getCell('B2').value = new Date(Date.UTC(2024, 0, 1, 12, 0));
    ws.getCell('B2').numFmt = 'dd.mm.yyyy hh:mm';
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      'C1',
      { type: 'list', formulae: ['"один,два"'], showErrorMessage: true, allowBlank: true },
    );
    await wb.xlsx.writeFile(path.join(dir, XLSX_FILE));
    const loaded = await loadSpreadsheet(dir);
    const m = loaded!.model;
    expect(loaded!.problems).toEqual([]);
    expect(m.timeZone).toBe('Europe/Moscow');
    expect(m.sheets).toHaveLength(1);
    expect(m.sheets[0]!.name).toBe('Данные');
    expect(m.sheets[0]!.rows[0]![0]).toEqual({ value: 'x' });
    expect((m.sheets[0]!.rows[1]![1]!.value as Date).getTime()).toBe(moscow(2024, 1, 1, 12, 0).getTime());
    expect(m.sheets[0]!.validations).toEqual([
      { kind: 'list', values: ['один', 'два'], showDropdown: true, allowInvalid: false },
    ]);
    expect(m.sheets[0]!.rows[0]![2]).toEqual({ value: '', validation: 0 });
  });
});

describe('atomic writes', () => {
  test('write, overwrite, JSON helpers', () => {
    const file = path.join(dir, 'a.json');
    expect(readJson(file, { fallback: true })).toEqual({ fallback: true });
    writeJsonAtomic(file, { a: 1, b: 'щ' });
    expect(readFileSync(file, 'utf8')).toBe('{\n  "a": 1,\n  "b": "щ"\n}\n');
    expect(readJson(file, null)).toEqual({ a: 1, b: 'щ' });
    writeFileAtomic(file, Buffer.from('[1]'));
    expect(readJson(file, null)).toEqual([1]);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  test('a crash before the rename leaves the old file intact and no temp file behind', () => {
    const file = path.join(dir, 'state.json');
    writeFileAtomic(file, 'OLD CONTENT');
    jest.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw new Error('killed');
    });
    expect(() => writeFileAtomic(file, 'NEW CONTENT THAT IS LONGER')).toThrow('killed');
    expect(readFileSync(file, 'utf8')).toBe('OLD CONTENT');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  test('a crash in the middle of writing never touches the target', () => {
    const file = path.join(dir, 'state.json');
    writeFileAtomic(file, 'OLD');
    const real = fs.writeSync;
    jest.spyOn(fs, 'writeSync').mockImplementationOnce(((fd: number, buf: Buffer) => {
      real(fd, buf, 0, 3);
      throw new Error('disk full');
    }) as unknown as typeof fs.writeSync);
    expect(() => writeFileAtomic(file, 'NEW NEW NEW')).toThrow('disk full');
    expect(readFileSync(file, 'utf8')).toBe('OLD');
  });

  test('temp files left by a killed process are ignored by load', async () => {
    const model = sampleModel();
    await saveSpreadsheet(model, dir);
    // a process killed mid-save leaves its partial temp files next to the real ones
    const tmpX = tempPathFor(path.join(dir, XLSX_FILE));
    const tmpM = tempPathFor(path.join(dir, META_FILE));
    writeFileSync(tmpX, 'PK\u0003\u0004 partial');
    writeFileSync(tmpM, '{"sheets": [');
    expect(isTempFileName(tmpX)).toBe(true);
    expect(isTempFileName(XLSX_FILE)).toBe(false);
    const loaded = await loadSpreadsheet(dir);
    expect(loaded!.model).toEqual(model);
  });

  test('corrupt meta JSON → a clear error naming the file', async () => {
    await saveSpreadsheet(sampleModel(), dir);
    const meta = path.join(dir, META_FILE);
    writeFileSync(meta, '{"format": "gas-emulator-spreadsheet", "sheets": [');
    await expect(loadSpreadsheet(dir)).rejects.toThrow(meta);
    expect(() => readJson(meta, {})).toThrow(/повреждён/);
    writeFileSync(meta, '"just a string"');
    await expect(loadSpreadsheet(dir)).rejects.toThrow(meta);
  });

  test('corrupt xlsx → a clear error naming the file', async () => {
    writeFileSync(path.join(dir, XLSX_FILE), 'not a zip');
    await expect(loadSpreadsheet(dir)).rejects.toThrow(path.join(dir, XLSX_FILE));
  });

  test('concurrent saves to one directory are serialised; the last one wins', async () => {
    const a = sampleModel();
    const b = sampleModel();
    b.name = 'Вторая версия';
    await Promise.all([saveSpreadsheet(a, dir), saveSpreadsheet(b, dir)]);
    const loaded = await loadSpreadsheet(dir);
    expect(loaded!.model.name).toBe('Вторая версия');
    expect(readdirSync(dir).filter(isTempFileName)).toEqual([]);
  });
});
