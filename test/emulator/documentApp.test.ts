/** The DocumentApp fake, method by method, against a bare Env and Drive model. */
import { Env } from '../../emulator/core/env';
import {
  DOC_CLOSED,
  DOC_MISSING,
  ELEMENT_MUST_BE_DETACHED,
  ELEMENT_REMOVED,
  LAST_PARAGRAPH,
} from '../../emulator/docs/context';
import { createDocumentApp } from '../../emulator/docs/documentApp';
import { docPlainText, type DocModel, type ParagraphNode } from '../../emulator/docs/model';
import { PDF_BYTES_NOT_RENDERED } from '../../emulator/docs/pdfBlob';
import { createDriveApp } from '../../emulator/drive/driveApp';
import { DOCS_QUOTA_EXCEEDED, newDriveModel } from '../../emulator/drive/store';
import { unwrap } from '../../emulator/core/gasObject';
import type { DocPdfBlob } from '../../emulator/docs/pdfBlob';

const NOW = '2026-11-25T12:00:00+03:00';

function setup() {
  const env = new Env({ now: NOW, user: 'metodist@school.example' });
  const drive = newDriveModel();
  const DocumentApp = createDocumentApp(env, drive);
  const DriveApp = createDriveApp(env, drive);
  env.calls.reset();
  return { env, drive, DocumentApp, DriveApp };
}

/** A new Doc whose body holds exactly `paragraphs` (the initial empty paragraph removed). */
function docWith(paragraphs: string[]) {
  const f = setup();
  const doc = f.DocumentApp.create('Шаблон');
  const body = doc.getBody();
  for (const p of paragraphs) body.appendParagraph(p);
  body.getChild(0).removeFromParent();
  return { ...f, doc, body, model: () => f.drive.docs[doc.getId()] };
}

describe('building a document', () => {
  test('create: an empty Doc in the root of My Drive, with Docs URL and one empty paragraph', () => {
    const { DocumentApp, drive } = setup();
    const doc = DocumentApp.create('Приказ');
    expect(doc.getName()).toBe('Приказ');
    expect(doc.getId()).toMatch(/^[\w-]{44}$/);
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(doc.getBody().getNumChildren()).toBe(1);
    expect(doc.getBody().getText()).toBe('');
    const node = drive.files.find((f) => f.id === doc.getId())!;
    expect(node).toMatchObject({
      name: 'Приказ',
      mimeType: 'application/vnd.google-apps.document',
      parents: [drive.rootId],
    });
    expect(drive.docs[doc.getId()].margins).toEqual({ top: 72, bottom: 72, left: 72, right: 72 });
  });

  test('paragraphs and a table read back as Body.getText() and docPlainText give them', () => {
    const { body, model } = docWith(['ПРИКАЗ', 'О наставничестве']);
    const table = body.appendTable([
      ['Наставник', 'Наставляемый'],
      ['Иванова', 'Петров'],
    ]);
    body.appendParagraph('Директор');
    // A table put last gets an empty paragraph after it, as in Docs.
    expect(body.getNumChildren()).toBe(5);
    expect(body.getChild(3).getType()).toBe(body.getChild(0).getType());
    expect(body.getChild(3).asParagraph().getText()).toBe('');
    expect(table.getText()).toBe('Наставник\tНаставляемый\nИванова\tПетров');
    expect(body.getText()).toBe('ПРИКАЗ\nО наставничестве\nНаставник\tНаставляемый\nИванова\tПетров\n\nДиректор');
    expect(docPlainText(model())).toBe(body.getText());
    expect(body.getParagraphs().map((p) => p.getText())).toEqual([
      'ПРИКАЗ',
      'О наставничестве',
      'Наставник',
      'Наставляемый',
      'Иванова',
      'Петров',
      '',
      'Директор',
    ]);
    expect(body.getTables()).toHaveLength(1);
    expect(body.getChildIndex(table)).toBe(2);
  });

  test('a newline in a paragraph becomes a line break "\\r"; insertParagraph places by index', () => {
    const { body } = docWith(['первый', 'третий']);
    body.insertParagraph(1, 'второй\nстрока');
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).asParagraph().getText()).toBe('второй\rстрока');
    expect(() => body.insertParagraph(5, 'x')).toThrow(/Child index \(5\)/);
    expect(() => body.getChild(3)).toThrow('Child index (3) must be less than the number of child elements (3).');
  });

  test('headings, alignment, indents and spacing land in the model and read back', () => {
    const { DocumentApp, body, model } = docWith(['Заголовок', 'Текст']);
    const h = body.getChild(0).asParagraph();
    h.setHeading(DocumentApp.ParagraphHeading.HEADING1).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    const p = body.getChild(1).asParagraph();
    p.setIndentFirstLine(35.4).setIndentStart(10).setSpacingBefore(6).setSpacingAfter(12).setLineSpacing(1.15);
    expect(h.getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING1);
    expect(h.getAlignment()).toBe(DocumentApp.HorizontalAlignment.CENTER);
    expect(p.getHeading()).toBe(DocumentApp.ParagraphHeading.NORMAL);
    expect(p.getAlignment()).toBeNull();
    expect(p.getIndentFirstLine()).toBe(35.4);
    expect(model().body[0]).toMatchObject({ heading: 'HEADING1', alignment: 'CENTER' });
    expect(model().body[1]).toMatchObject({
      indentFirstLine: 35.4,
      indentStart: 10,
      spacingBefore: 6,
      spacingAfter: 12,
      lineSpacing: 1.15,
    });
    expect(() => p.setHeading('HEADING1' as never)).toThrow(/don't match the method signature/);
  });

  test('getAttributes / setAttributes use DocumentApp.Attribute names', () => {
    const { DocumentApp, body, model } = docWith(['Текст']);
    const p = body.getChild(0).asParagraph();
    const style: Record<string, unknown> = {};
    style[String(DocumentApp.Attribute.BOLD)] = true;
    style[String(DocumentApp.Attribute.FONT_SIZE)] = 14;
    style[String(DocumentApp.Attribute.HORIZONTAL_ALIGNMENT)] = DocumentApp.HorizontalAlignment.JUSTIFY;
    p.setAttributes(style);
    const attrs = p.getAttributes();
    expect(attrs.BOLD).toBe(true);
    expect(attrs.FONT_SIZE).toBe(14);
    expect(attrs.HORIZONTAL_ALIGNMENT).toBe(DocumentApp.HorizontalAlignment.JUSTIFY);
    expect(attrs.ITALIC).toBeNull();
    expect(attrs.HEADING).toBe(DocumentApp.ParagraphHeading.NORMAL);
    expect((model().body[0] as ParagraphNode).runs).toEqual([{ text: 'Текст', attrs: { bold: true, fontSize: 14 } }]);
    expect(() => p.setAttributes({ FOREGROUND_COLOR: '#ff0000' })).toThrow(/not implemented by the emulator/);
  });

  test('body margins', () => {
    const { body, model } = docWith(['x']);
    body.setMarginLeft(85).setMarginRight(42.5).setMarginTop(56.7).setMarginBottom(56.7);
    expect([body.getMarginLeft(), body.getMarginRight(), body.getMarginTop(), body.getMarginBottom()]).toEqual([
      85, 42.5, 56.7, 56.7,
    ]);
    expect(model().margins).toEqual({ top: 56.7, bottom: 56.7, left: 85, right: 42.5 });
  });
});

describe('Text', () => {
  test('a paragraph has ONE Text element with per-character attributes', () => {
    const { body, model } = docWith(['Приказ № 5']);
    const p = body.getChild(0).asParagraph();
    expect(p.getNumChildren()).toBe(1);
    const text = p.getChild(0).asText();
    expect(text.getParent().asParagraph().getText()).toBe('Приказ № 5');
    text.setBold(0, 5, true).setItalic(9, 9, true);
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(6)).toBe(false);
    expect(text.isBold()).toBeNull();
    expect(text.isItalic(9)).toBe(true);
    expect(text.getTextAttributeIndices()).toEqual([0, 6, 9]);
    expect((model().body[0] as ParagraphNode).runs).toEqual([
      { text: 'Приказ', attrs: { bold: true } },
      { text: ' № ', attrs: {} },
      { text: '5', attrs: { italic: true } },
    ]);
    text.setFontSize(12).setFontFamily('Times New Roman').setLinkUrl(0, 5, 'https://school.example');
    expect(text.getFontSize()).toBe(12);
    expect(text.getFontFamily(3)).toBe('Times New Roman');
    expect(text.getLinkUrl(2)).toBe('https://school.example');
    expect(text.getLinkUrl(7)).toBeNull();
    expect(p.getChild(0).getType()).toBe(text.getType());
  });

  test('inserted text takes the attributes of the character before it', () => {
    const { body } = docWith(['ab']);
    const text = body.getChild(0).asParagraph().editAsText();
    text.setBold(0, 0, true); // a bold, b plain
    text.insertText(1, 'X'); // after a → bold
    text.insertText(3, 'Y'); // after b → plain
    text.insertText(0, 'Z'); // at the start: like the first character → bold
    text.appendText('!'); // after Y → plain
    expect(text.getText()).toBe('ZaXbY!');
    expect([0, 1, 2, 3, 4, 5].map((i) => text.isBold(i))).toEqual([true, true, true, false, false, false]);
  });

  test('deleteText / insertText offsets (end inclusive) and their bounds', () => {
    const { body } = docWith(['Приказ № {{номер}} от {{дата}}']);
    const text = body.getChild(0).asParagraph().editAsText();
    const start = text.getText().indexOf('{{номер}}');
    text.deleteText(start, start + '{{номер}}'.length - 1);
    text.insertText(start, '17-о');
    expect(text.getText()).toBe('Приказ № 17-о от {{дата}}');
    const length = text.getText().length;
    expect(() => text.deleteText(3, length)).toThrow(
      `Index (${length}) must be less than the content length (${length}).`,
    );
    expect(() => text.deleteText(5, 4)).toThrow(/Index \(4\)/);
    expect(() => text.insertText(length + 1, 'x')).toThrow(/less than or equal to the content length/);
    text.insertText(length, '.');
    expect(text.getText().endsWith('{{дата}}.')).toBe(true);
  });

  test("body.editAsText(): a view over every paragraph; '\\n' splits, deleting a separator merges", () => {
    const { body } = docWith(['один', 'два']);
    const all = body.editAsText();
    all.setFontSize(11).setFontFamily('Arial');
    expect(body.getChild(1).asParagraph().editAsText().getFontSize(0)).toBe(11);
    all.insertText(4, '\nполтора');
    expect(body.getNumChildren()).toBe(3);
    expect(body.getText()).toBe('один\nполтора\nдва');
    all.deleteText(4, 11); // "\nполтора"
    expect(body.getText()).toBe('один\nдва');
    expect(body.getNumChildren()).toBe(2);
    all.deleteText(3, 4); // "н\n" → the paragraphs merge
    expect(body.getText()).toBe('одидва');
    expect(body.getNumChildren()).toBe(1);
  });
});

describe('findText and replaceText', () => {
  test('findText walks every Text element in order and continues after a RangeElement', () => {
    const { body } = docWith(['{{a}} и {{b}}', 'нет', 'конец {{c}}']);
    body.insertTable(2, [['{{d}}', 'x']]);
    const found: Array<[string, number, number, boolean]> = [];
    for (let r = body.findText('\\{\\{\\w+\\}\\}'); r; r = body.findText('\\{\\{\\w+\\}\\}', r)) {
      const el = r.getElement().asText();
      found.push([
        el.getText().slice(r.getStartOffset(), r.getEndOffsetInclusive() + 1),
        r.getStartOffset(),
        r.getEndOffsetInclusive(),
        r.isPartial(),
      ]);
    }
    expect(found).toEqual([
      ['{{a}}', 0, 4, true],
      ['{{b}}', 8, 12, true],
      ['{{d}}', 0, 4, false],
      ['{{c}}', 6, 10, true],
    ]);
    expect(body.findText('нигде')).toBeNull();
  });

  test('RE2 syntax: a brace that starts no repetition is literal; metacharacters need escaping', () => {
    const { body } = docWith(['Школа: {{школа}}; сумма $100.00 (итого)', 'a.c abc']);
    body.replaceText('{{школа}}', 'МБОУ СОШ № 2');
    body.replaceText('\\$100\\.00 \\(итого\\)', '100 руб.');
    body.replaceText('a\\.c', 'точка');
    expect(body.getText()).toBe('Школа: МБОУ СОШ № 2; сумма 100 руб.\nточка abc');
    body.replaceText('a.c', 'любой');
    expect(body.getChild(1).asParagraph().getText()).toBe('точка любой');
    body.replaceText('(?i)ТОЧКА', 'Точка');
    expect(body.getChild(1).asParagraph().getText()).toBe('Точка любой');
  });

  test('the replacement is literal: $1 and backslashes are inserted as they are', () => {
    const { body } = docWith(['Цена: {{цена}}']);
    body.replaceText('\\{\\{(цена)\\}\\}', '$1 = \\$5');
    expect(body.getText()).toBe('Цена: $1 = \\$5');
  });

  test('the replacement keeps the formatting of the first replaced character', () => {
    const { body, model } = docWith(['Директор: {{директор}}.']);
    const text = body.editAsText();
    text.setBold(10, 21, true);
    body.replaceText('\\{\\{директор\\}\\}', 'Иванова М. П.');
    expect((model().body[0] as ParagraphNode).runs).toEqual([
      { text: 'Директор: ', attrs: {} },
      { text: 'Иванова М. П.', attrs: { bold: true } },
      { text: '.', attrs: {} },
    ]);
  });

  test('matching never crosses paragraphs or table cells', () => {
    const { body } = docWith(['начало {{', '}} конец']);
    body.appendTable([['ab', 'cd']]);
    expect(body.findText('\\{\\{.*\\}\\}')).toBeNull();
    expect(body.findText('\\{\\{\\s*\\}\\}')).toBeNull();
    expect(body.findText('b\\s*c')).toBeNull();
    const before = body.getText();
    body.replaceText('\\{\\{[^}]*\\}\\}', 'X');
    expect(body.getText()).toBe(before);
    // Within one paragraph `$` is its end.
    body.replaceText('\\{\\{$', '!');
    expect(body.getChild(0).asParagraph().getText()).toBe('начало !');
  });

  test('what RE2 refuses is refused: lookaround, backreferences, possessive repetition', () => {
    const { body } = docWith(['aa']);
    for (const pattern of ['a(?=a)', 'a(?!b)', '(?<=a)a', '(?<!b)a', '(a)\\1', '(?P<x>a)(?P=x)', 'a*+']) {
      expect(() => body.findText(pattern)).toThrow(/not a valid RE2 regular expression/);
      expect(() => body.replaceText(pattern, 'b')).toThrow(/not a valid RE2 regular expression/);
    }
    expect(() => body.findText('(a')).toThrow(/not a valid RE2 regular expression/);
    expect(body.getText()).toBe('aa');
  });

  test('RE2 syntax a translation to JavaScript got wrong: flags mid-pattern, negated POSIX classes, (?U), \\S in a class', () => {
    const { body } = docWith(['Итог: ab aB AB; Школа ШКОЛА', 'Ж1 aaa', 'a b']);
    // (?i) in the middle applies from there on, with Unicode case folding (Cyrillic too).
    body.replaceText('a(?i)b', '·');
    expect(body.getChild(0).asParagraph().getText()).toBe('Итог: · · AB; Школа ШКОЛА');
    body.replaceText('Ш(?i:кола)', 'С');
    expect(body.getChild(0).asParagraph().getText()).toBe('Итог: · · AB; С С');
    // [[:^alpha:]] is "not an ASCII letter": a Cyrillic letter, a digit and a space all match.
    const other = body.getChild(1).asParagraph().findText('[[:^alpha:]]+');
    expect(other && [other.getStartOffset(), other.getEndOffsetInclusive()]).toEqual([0, 2]);
    // (?U) swaps greediness: a+ takes one a at a time.
    const lazy = body.getChild(1).asParagraph().findText('(?U)a+');
    expect(lazy && [lazy.getStartOffset(), lazy.getEndOffsetInclusive()]).toEqual([3, 3]);
    body.getChild(2).asParagraph().replaceText('[\\S]', 'z');
    expect(body.getChild(2).asParagraph().getText()).toBe('z z');
  });

  test('Paragraph, Table, TableRow and TableCell search only inside themselves', () => {
    const { body } = docWith(['{{x}} снаружи']);
    const table = body.appendTable([
      ['{{x}}', 'a'],
      ['b', '{{x}}'],
    ]);
    table.getRow(0).replaceText('\\{\\{x\\}\\}', 'R');
    table.getCell(1, 1).replaceText('\\{\\{x\\}\\}', 'C');
    expect(table.getText()).toBe('R\ta\nb\tC');
    expect(body.getChild(0).asParagraph().findText('x')!.getStartOffset()).toBe(2);
    expect(table.findText('\\{')).toBeNull();
    expect(() => table.findText('a', body.findText('снаружи'))).toThrow(/not inside this element/);
  });
});

describe('tables', () => {
  test('a template row copied once per item, filled, then removed', () => {
    const { body, model } = docWith(['Список']);
    const table = body.appendTable([
      ['№', 'Наставник', 'Наставляемый'],
      ['{{n}}', '{{наставник}}', '{{наставляемый}}'],
    ]);
    table.setBorderWidth(1).setColumnWidth(0, 30).setColumnWidth(2, 200);
    const template = table.getRow(1);
    const items = [
      ['1', 'Иванова', 'Петров'],
      ['2', 'Смирнова', 'Козлов'],
    ];
    items.forEach((item, k) => {
      const row = table.insertTableRow(2 + k, template.copy());
      row.replaceText('\\{\\{n\\}\\}', item[0]);
      row.replaceText('\\{\\{наставник\\}\\}', item[1]);
      row.getCell(2).replaceText('\\{\\{наставляемый\\}\\}', item[2]);
    });
    // The template row itself is untouched by filling the copies.
    expect(template.getText()).toBe('{{n}}\t{{наставник}}\t{{наставляемый}}');
    const removed = table.removeRow(1);
    expect(removed.getParentTable()).toBeNull();
    expect(table.getNumRows()).toBe(3);
    expect(table.getText()).toBe('№\tНаставник\tНаставляемый\n1\tИванова\tПетров\n2\tСмирнова\tКозлов');
    expect(table.getColumnWidth(2)).toBe(200);
    expect(table.getBorderWidth()).toBe(1);
    const t = model().body[1];
    expect(t.type === 'TABLE' && t.rows.map((r) => r.cells[0].width)).toEqual([30, 30, 30]);
    expect(() => template.getText()).toThrow(ELEMENT_REMOVED);
  });

  test('rows and cells: append, getCell, parents, cell text and background', () => {
    const { DocumentApp, body } = docWith(['x']);
    const table = body.appendTable([['a', 'b']]);
    const row = table.appendTableRow();
    expect(row.getNumCells()).toBe(0);
    row.appendTableCell('c');
    row.appendTableCell('d\ne');
    expect(table.getNumRows()).toBe(2);
    const cell = table.getCell(1, 1);
    expect(cell.getNumChildren()).toBe(2);
    expect(cell.getText()).toBe('d\ne');
    cell.setText('f').setBackgroundColor('#eeeeee').setWidth(120);
    expect(cell.getText()).toBe('f');
    expect(cell.getBackgroundColor()).toBe('#eeeeee');
    expect(cell.getParentRow().getText()).toBe('c\tf');
    expect(cell.getParentTable().getNumRows()).toBe(2);
    expect(cell.getParent().getType()).toBe(DocumentApp.ElementType.TABLE_ROW);
    expect(row.getParentTable().getText()).toBe('a\tb\nc\tf');
    expect(row.getChildIndex(cell)).toBe(1);
    cell.appendParagraph('g');
    expect(table.getText()).toBe('a\tb\nc\tf\ng');
    expect(() => table.getRow(2)).toThrow('Child index (2) must be less than the number of child elements (2).');
    expect(() => body.appendTable([['a'], ['b', 'c']])).toThrow(/same, non-zero number of cells/);
    expect(() => body.appendTable([])).toThrow(/same, non-zero number of cells/);
    expect(() => table.asParagraph()).toThrow('Invalid conversion for element type: TABLE');
  });

  test('a Table can be copied and inserted as a detached element, not while attached', () => {
    const { body } = docWith(['x']);
    const table = body.appendTable([['a']]);
    expect(() => body.appendTable(table)).toThrow(ELEMENT_MUST_BE_DETACHED);
    const copy = table.copy();
    expect(copy.getParent()).toBeNull();
    copy.getCell(0, 0).setText('b');
    body.insertTable(0, copy);
    expect(body.getText()).toBe('b\nx\na\n');
    expect(table.getText()).toBe('a');
  });
});

describe('element lifetime', () => {
  test('an element removed from the document throws on use; removeFromParent returns it detached', () => {
    const { body } = docWith(['a', 'b', 'c']);
    const b = body.getChild(1).asParagraph();
    const alias = body.getChild(1).asParagraph();
    const removed = b.removeFromParent();
    expect(body.getText()).toBe('a\nc');
    expect(() => alias.getText()).toThrow(ELEMENT_REMOVED);
    expect(removed.getText()).toBe('b');
    expect(removed.getParent()).toBeNull();
    body.appendParagraph(removed);
    body.appendParagraph(removed);
    expect(body.getText()).toBe('a\nc\nb\nb');
    const c = body.getChild(1);
    body.clear();
    expect(body.getText()).toBe('');
    expect(body.getNumChildren()).toBe(1);
    expect(() => c.asParagraph().getText()).toThrow(ELEMENT_REMOVED);
  });

  test("Docs' rules: the last paragraph of a body or cell cannot go; attached elements cannot be inserted", () => {
    const { body } = docWith(['только']);
    expect(() => body.getChild(0).removeFromParent()).toThrow(LAST_PARAGRAPH);
    body.appendTable([['x']]);
    expect(body.getNumChildren()).toBe(3);
    // The empty paragraph after a final table cannot be removed: the body must end with a paragraph.
    expect(() => body.removeChild(body.getChild(2))).toThrow(LAST_PARAGRAPH);
    const cell = body.getTables()[0].getCell(0, 0);
    expect(() => cell.getChild(0).removeFromParent()).toThrow(LAST_PARAGRAPH);
    expect(() => body.appendParagraph(body.getChild(0).asParagraph())).toThrow(ELEMENT_MUST_BE_DETACHED);
  });

  test('copy() is detached and independent; it can be inserted more than once', () => {
    const { body } = docWith(['оригинал']);
    const copy = body.getChild(0).asParagraph().copy();
    copy.setText('копия');
    expect(body.getText()).toBe('оригинал');
    body.appendParagraph(copy);
    body.insertParagraph(0, copy);
    expect(body.getText()).toBe('копия\nоригинал\nкопия');
  });

  test('saveAndClose: the Document and its elements refuse further use; openById opens it again', () => {
    const { DocumentApp, doc, body } = docWith(['текст']);
    const id = doc.getId();
    const p = body.getChild(0).asParagraph();
    const text = p.editAsText();
    p.appendText(' и ещё');
    doc.saveAndClose();
    expect(() => doc.getBody()).toThrow(DOC_CLOSED);
    expect(() => doc.getName()).toThrow(DOC_CLOSED);
    expect(() => doc.saveAndClose()).toThrow(DOC_CLOSED);
    expect(() => body.appendParagraph('x')).toThrow(DOC_CLOSED);
    expect(() => p.getText()).toThrow(DOC_CLOSED);
    expect(() => text.setBold(true)).toThrow(DOC_CLOSED);
    // The id and URL stay readable (DriveApp.getFileById(doc.getId()) after closing is a common pattern).
    expect(doc.getId()).toBe(id);
    const again = DocumentApp.openById(doc.getId());
    expect(again.getBody().getText()).toBe('текст и ещё');
    expect(DocumentApp.openByUrl(again.getUrl()).getName()).toBe('Шаблон');
  });

  test('unknown ids: Apps Script\'s "Document is missing"', () => {
    const { DocumentApp, DriveApp } = setup();
    expect(() => DocumentApp.openById('nope')).toThrow(DOC_MISSING);
    const folder = DriveApp.createFolder('Папка');
    expect(() => DocumentApp.openById(folder.getId())).toThrow(DOC_MISSING);
    expect(() => DocumentApp.openByUrl('https://example.com/x')).toThrow('Invalid argument: url');
  });

  test('every change bumps DocModel.revision and the file’s last update; reads do not', () => {
    const { env, body, model, drive, doc } = docWith(['a']);
    const r0 = model().revision;
    body.getText();
    body.findText('a');
    body.getChild(0).asParagraph().getAttributes();
    expect(model().revision).toBe(r0);
    env.advance(60000);
    const before = env.now();
    body.appendParagraph('b');
    body.getChild(0).asParagraph().editAsText().setBold(true);
    body.replaceText('b', 'c');
    body.replaceText('нет такого', 'd');
    expect(model().revision).toBe(r0 + 3);
    const node = drive.files.find((f) => f.id === doc.getId())!;
    expect(node.updatedMs).toBeGreaterThanOrEqual(before);
    expect(node.updatedMs).toBeGreaterThan(node.createdMs);
  });
});

describe('export, quota, authorization, counting', () => {
  test('getAs PDF: a named Blob with a snapshot; its bytes are not produced by the emulator', () => {
    const { doc, body, model } = docWith(['до экспорта']);
    const blob = doc.getAs('application/pdf');
    body.appendParagraph('после экспорта');
    expect(blob.getName()).toBe('Шаблон.pdf');
    expect(blob.getContentType()).toBe('application/pdf');
    expect(() => blob.getBytes()).toThrow(PDF_BYTES_NOT_RENDERED);
    expect(() => blob.getDataAsString()).toThrow(PDF_BYTES_NOT_RENDERED);
    const snapshot: DocModel = (unwrap(blob) as unknown as DocPdfBlob).snapshot;
    expect(docPlainText(snapshot)).toBe('до экспорта');
    expect(docPlainText(model())).toBe('до экспорта\nпосле экспорта');
    expect(() => doc.getAs('text/plain')).toThrow(
      'Converting from application/vnd.google-apps.document to text/plain is not supported.',
    );
  });

  test('250 documents a day per user, then "Service invoked too many times for one day: docs create."', () => {
    const { env, DocumentApp, drive } = setup();
    for (let i = 0; i < 250; i++) DocumentApp.create(`Документ ${i}`);
    expect(() => DocumentApp.create('251-й')).toThrow(DOCS_QUOTA_EXCEEDED);
    expect(Object.keys(drive.docs)).toHaveLength(250);
    env.activeUser = 'zavuch@school.example';
    expect(() => DocumentApp.create('другой пользователь')).not.toThrow();
    env.activeUser = 'metodist@school.example';
    env.advance(24 * 3600 * 1000);
    expect(() => DocumentApp.create('завтра')).not.toThrow();
  });

  test('AuthMode.NONE refuses DocumentApp (scope documents)', () => {
    const { env, DocumentApp } = setup();
    expect(() => env.runExecution('onOpen', { authMode: 'NONE' }, () => DocumentApp.create('x'))).toThrow(
      'You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents',
    );
    expect(DocumentApp.ParagraphHeading.TITLE.toString()).toBe('TITLE');
  });

  test('calls are counted as Class.method; unknown members throw', () => {
    const { env, body } = docWith(['a']);
    env.calls.reset();
    const p = body.appendParagraph('b');
    p.setHeading(p.getHeading()).editAsText().setBold(true);
    expect(env.calls.summary().byMethod).toEqual({
      'Body.appendParagraph': 1,
      'Paragraph.getHeading': 1,
      'Paragraph.setHeading': 1,
      'Paragraph.editAsText': 1,
      'Text.setBold': 1,
    });
    expect(() => (body as unknown as { appendImage: unknown }).appendImage).toThrow(/not implemented by the emulator/);
  });
});
