import { openWorkspace } from '../../workspace/workspace';
import { buildSheetView, EMPTY_COLS, EMPTY_ROWS } from '../../workspace/server/sheetView';

describe('the grid view of a sheet', () => {
  test('a 1 000-row roadmap is built whole (formats, dropdowns), capped at the sheet size', async () => {
    const ws = await openWorkspace({ demo: true });
    const sheet = ws.model.sheets.find((s) => s.name === 'Дорожная карта')!;
    // Copy the data rows (values, formats, dropdowns) down to 1 000 rows.
    const data = sheet.rows.slice(1).filter((r) => r && r.some((c) => c && c.value !== ''));
    for (let r = 1; r < 1000; r++) {
      sheet.rows[r] = data[(r - 1) % data.length]!.map((c) => c && { ...c, format: c.format && { ...c.format } });
    }
    const rule = sheet.conditionalRules[0];
    for (const rl of sheet.conditionalRules) rl.ranges = rl.ranges.map((g) => ({ ...g, numRows: 999 }));
    expect(rule).toBeDefined();

    const view = buildSheetView(ws.model, sheet, ws.env);
    expect(view.rowCount).toBe(Math.min(1000 + EMPTY_ROWS, sheet.maxRows));
    expect(view.colCount).toBe(10 + EMPTY_COLS);
    expect(view.rows[999].length).toBeGreaterThan(5);
    expect(view.rows[999].some((c) => c.options)).toBe(true);
  });

  test('hidden columns and widths come from the model; white and black are left implicit', async () => {
    const ws = await openWorkspace({});
    const sheet = ws.model.sheets[0];
    sheet.rows[0] = [{ value: 'x', format: { background: '#ffffff', fontColor: '#000000', fontStyle: 'italic' } }];
    sheet.columnWidths[1] = 250;
    sheet.hiddenColumns[2] = true;
    const view = buildSheetView(ws.model, sheet, ws.env);
    expect(view.rows[0]).toEqual([{ v: 'x', italic: true }]);
    expect(view.rows[1]).toEqual([]);
    expect(view.widths.slice(0, 3)).toEqual([100, 250, 100]);
    expect(view.hiddenCols).toEqual([2]);
    expect(view.rowCount).toBe(1 + EMPTY_ROWS);
    expect(view.colCount).toBe(1 + EMPTY_COLS);
  });
});
