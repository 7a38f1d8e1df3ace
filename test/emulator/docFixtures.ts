/** Google Docs and a Drive as plain models, for the .docx / PDF / Drive tests. */
import type { DocModel, ParagraphNode, TableCellNode, TextAttrs } from '../../emulator/docs/model';
import { MIME, type DriveFileNode, type DriveModel } from '../../emulator/drive/model';

export function para(text: string, extra: Partial<ParagraphNode> = {}, attrs: TextAttrs = {}): ParagraphNode {
  return {
    type: 'PARAGRAPH',
    runs: text === '' ? [] : [{ text, attrs }],
    heading: 'NORMAL',
    alignment: null,
    ...extra,
  };
}

export function cell(text: string, extra: Partial<TableCellNode> = {}, attrs: TextAttrs = {}): TableCellNode {
  return { paragraphs: [para(text, {}, attrs)], ...extra };
}

/** An order as a Russian school issues it: header, title, number and date, clauses, a table, signature. */
export function orderDoc(id = 'doc-order', revision = 1): DocModel {
  const clause = (text: string) => para(text, { alignment: 'JUSTIFY', indentFirstLine: 35.4 });
  return {
    id,
    name: 'Приказ о закреплении наставнических пар',
    revision,
    margins: { top: 56.7, bottom: 56.7, left: 85, right: 42.5 },
    body: [
      para('Муниципальное бюджетное общеобразовательное учреждение', { alignment: 'CENTER' }),
      para('«Средняя общеобразовательная школа № 2»', { alignment: 'CENTER', spacingAfter: 18 }, { bold: true }),
      para('ПРИКАЗ', { heading: 'TITLE', alignment: 'CENTER' }),
      {
        type: 'PARAGRAPH',
        heading: 'NORMAL',
        alignment: 'LEFT',
        spacingAfter: 12,
        runs: [{ text: '01.09.2026\t\t\t\t\t\t\t\t№ 42-од', attrs: {} }],
      },
      para('О закреплении наставнических пар (групп)', { heading: 'HEADING2', alignment: 'CENTER', spacingAfter: 12 }),
      {
        type: 'PARAGRAPH',
        heading: 'NORMAL',
        alignment: 'JUSTIFY',
        indentFirstLine: 35.4,
        runs: [
          { text: 'В соответствии с ', attrs: {} },
          { text: 'Федеральным законом от 29.12.2012 № 273-ФЗ', attrs: { linkUrl: 'https://www.consultant.ru/' } },
          { text: ' «Об образовании в Российской Федерации» ', attrs: {} },
          { text: 'приказываю:', attrs: { bold: true } },
        ],
      },
      clause('1. Закрепить наставнические пары (группы) согласно приложению.'),
      clause('2. Наставникам составить индивидуальные планы развития до 15.09.2026.'),
      clause('3. Контроль за исполнением приказа оставляю за собой.'),
      para('', { spacingAfter: 6 }),
      {
        type: 'TABLE',
        borderWidth: 1,
        rows: [
          {
            cells: [
              cell('№', { width: 30, backgroundColor: '#eeeeee' }, { bold: true }),
              cell('Наставник', { width: 160, backgroundColor: '#eeeeee' }, { bold: true }),
              cell('Наставляемый', { width: 160, backgroundColor: '#eeeeee' }, { bold: true }),
              cell('Форма', { backgroundColor: '#eeeeee' }, { bold: true }),
            ],
          },
          {
            cells: [
              cell('1'),
              cell('Иванова Мария Петровна'),
              cell('Петров Илья Сергеевич'),
              cell('учитель — учитель'),
            ],
          },
          {
            cells: [
              cell('2'),
              cell('Сидоров Олег Иванович'),
              cell('Кузнецова Анна Павловна'),
              cell('учитель — учитель'),
            ],
          },
        ],
      },
      para('', { spacingAfter: 24 }),
      para('Директор\t\t\t\t\t\t\t\tА. В. Смирнова', { alignment: 'LEFT' }),
      para('', { pageBreak: true }),
      para('Приложение', { heading: 'HEADING1', alignment: 'RIGHT' }),
      para('Лист ознакомления', { alignment: 'CENTER' }, { italic: true, underline: true, fontSize: 12 }),
    ],
  };
}

export function node(id: string, name: string, mimeType: string, parent: string, extra: Partial<DriveFileNode> = {}) {
  return {
    id,
    name,
    mimeType,
    parents: [parent],
    trashed: false,
    createdMs: 1_780_000_000_000,
    updatedMs: 1_780_000_000_000,
    owner: 'metodist@school2.example',
    description: '',
    sharing: { access: 'PRIVATE', permission: 'NONE' },
    editors: [],
    viewers: [],
    ...extra,
  } satisfies DriveFileNode;
}

/** My Drive with a period folder, an order Doc, a PDF snapshot, an uploaded PDF and a text blob. */
export function sampleDrive(): DriveModel {
  const order = orderDoc('doc-order');
  return {
    rootId: 'root',
    files: [
      { ...node('root', 'Мой диск', MIME.folder, ''), parents: [] },
      node('fold-period', 'Наставничество 2026–2027', MIME.folder, 'root'),
      node('fold-orders', 'Приказы', MIME.folder, 'fold-period'),
      node('doc-order', order.name, MIME.document, 'fold-orders'),
      node('pdf-snap', `${order.name}.pdf`, MIME.pdf, 'fold-orders', { pdfOf: order }),
      node('pdf-blob', 'Положение.pdf', MIME.pdf, 'fold-period', {
        data: Buffer.from('%PDF-1.4 fake').toString('base64'),
      }),
      node('blob-html', 'notes.html', 'text/html', 'root', {
        data: Buffer.from('<script>alert(1)</script>').toString('base64'),
      }),
      node('sheet-1', 'Наставничество', MIME.spreadsheet, 'root'),
      node('doc-trashed', 'Старый приказ', MIME.document, 'fold-orders', { trashed: true }),
    ],
    docs: { 'doc-order': order, 'doc-trashed': { ...orderDoc('doc-trashed'), name: 'Старый приказ' } },
  };
}
