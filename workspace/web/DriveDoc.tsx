/**
 * A Google Doc of the emulator drawn as a page, from its model (GET /api/files/:id/preview): headings,
 * alignment, indents, bold/italic/underline, sizes, links, tables, page breaks — with the same
 * defaults and heading looks as the .docx export (persistence/docLook.ts). Text goes through Preact
 * (escaped), never as markup; colours, fonts and links are checked before they reach a style or href.
 */
import type { CSSProperties, JSX } from 'preact';
import type { DocModel, ParagraphNode, TableNode, TextRun } from '../../emulator/docs/model';
import {
  CELL_PADDING_PT,
  contentWidth,
  DEFAULT_FONT,
  DEFAULT_FONT_SIZE,
  HEADING_LOOK,
  PAGE_HEIGHT_PT,
  PAGE_WIDTH_PT,
  safeColor,
  safeFontFamily,
  safeLinkUrl,
  tableColumnWidths,
} from '../../emulator/persistence/docLook';

/** Line height of single spacing for Times New Roman, as Word and LibreOffice lay it out. */
const SINGLE_LINE = 1.15;
const FALLBACK_FONTS = "'Liberation Serif', 'Tinos', serif";

function fontStack(family: string): string {
  return `'${family}', ${FALLBACK_FONTS}`;
}

function Run({ run }: { run: TextRun }): JSX.Element {
  const a = run.attrs;
  const font = safeFontFamily(a.fontFamily);
  const style: CSSProperties = {
    ...(a.bold !== undefined && { fontWeight: a.bold ? 700 : 400 }),
    ...(a.italic !== undefined && { fontStyle: a.italic ? 'italic' : 'normal' }),
    ...(a.underline && { textDecoration: 'underline' }),
    ...(a.fontSize !== undefined && a.fontSize > 0 && { fontSize: `${a.fontSize}pt` }),
    ...(font && { fontFamily: fontStack(font) }),
  };
  const text = run.text.replace(/\r\n|[\r\v]/g, '\n');
  const link = safeLinkUrl(a.linkUrl);
  if (link) {
    return (
      <a href={link} target="_blank" rel="noopener noreferrer" style={style}>
        {text}
      </a>
    );
  }
  return <span style={style}>{text}</span>;
}

function Paragraph({ p, inCell }: { p: ParagraphNode; inCell?: boolean }): JSX.Element {
  const look = p.heading === 'NORMAL' ? null : HEADING_LOOK[p.heading];
  const start = p.indentStart ?? 0;
  const firstLine = p.indentFirstLine === undefined ? 0 : p.indentFirstLine - start;
  const style: CSSProperties = {
    textAlign: p.alignment === 'JUSTIFY' ? 'justify' : (p.alignment?.toLowerCase() ?? 'left'),
    marginLeft: `${start}pt`,
    textIndent: `${firstLine}pt`,
    marginTop: `${p.spacingBefore ?? look?.before ?? 0}pt`,
    marginBottom: `${p.spacingAfter ?? look?.after ?? 0}pt`,
    lineHeight: String(SINGLE_LINE * (p.lineSpacing && p.lineSpacing > 0 ? p.lineSpacing : 1)),
    ...(look && {
      fontSize: `${look.size}pt`,
      fontWeight: look.bold ? 700 : 400,
      fontStyle: look.italic ? 'italic' : 'normal',
    }),
  };
  const empty = p.runs.every((r) => r.text === '');
  const body = (
    <p
      class={`doc-p${look ? ' doc-heading' : ''}`}
      data-heading={p.heading === 'NORMAL' ? undefined : p.heading}
      style={style}
    >
      {empty ? '\u00a0' : p.runs.map((r, i) => <Run key={i} run={r} />)}
    </p>
  );
  if (!p.pageBreak || inCell) return body;
  return (
    <>
      <div class="doc-pagebreak" role="separator" aria-label="Разрыв страницы">
        <span>Разрыв страницы</span>
      </div>
      {empty ? null : body}
    </>
  );
}

function Table({ t, width }: { t: TableNode; width: number }): JSX.Element {
  const widths = tableColumnWidths(t, width);
  const border = t.borderWidth ?? 1;
  const line = border > 0 ? `${Math.max(0.5, border)}pt solid #000` : 'none';
  return (
    <table class="doc-table" style={{ width: `${widths.reduce((s, w) => s + w, 0)}pt` }}>
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: `${w}pt` }} />
        ))}
      </colgroup>
      <tbody>
        {t.rows.map((row, r) => (
          <tr key={r}>
            {widths.map((_, c) => {
              const cell = row.cells[c];
              const bg = safeColor(cell?.backgroundColor);
              return (
                <td
                  key={c}
                  style={{
                    border: line,
                    padding: `${CELL_PADDING_PT / 2}pt ${CELL_PADDING_PT}pt`,
                    ...(bg && { background: bg }),
                  }}
                >
                  {(cell?.paragraphs ?? []).map((p, i) => (
                    <Paragraph key={i} p={p} inCell />
                  ))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The document as a sheet of A4 paper. */
export function DocPage({ doc }: { doc: DocModel }): JSX.Element {
  const m = doc.margins ?? { top: 72, bottom: 72, left: 72, right: 72 };
  const width = contentWidth(doc);
  return (
    <div
      class="doc-page"
      data-testid="doc-page"
      lang="ru"
      style={{
        width: `${PAGE_WIDTH_PT}pt`,
        minHeight: `${PAGE_HEIGHT_PT}pt`,
        padding: `${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt`,
        fontFamily: fontStack(DEFAULT_FONT),
        fontSize: `${DEFAULT_FONT_SIZE}pt`,
      }}
    >
      {(doc.body ?? []).map((b, i) =>
        b.type === 'TABLE' ? <Table key={i} t={b} width={width} /> : <Paragraph key={i} p={b} />,
      )}
    </div>
  );
}
