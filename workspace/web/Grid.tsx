/**
 * The spreadsheet grid: column letters, row numbers, frozen rows/columns (sticky), formats from
 * CellView, in-place editing. Virtualized: only the body rows in view (+ overscan) are in the DOM.
 * Every cell value is rendered as a text node (never as HTML).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CSSProperties, JSX } from 'preact';
import type { CellView, SheetView } from '../server/protocol';
import { columnToLetters } from '../../emulator/spreadsheet/a1';
import { a1, cellAt, prefixSums, rowHeights, visibleRange, ROW_H } from './a1';
import { ChartLayer } from './Charts';
import { linkify } from './links';

export interface Selection {
  r: number;
  c: number;
}

export type Move = 'down' | 'right' | 'left' | 'none';

export interface GridProps {
  sheet: SheetView;
  selected: Selection;
  onSelect(sel: Selection): void;
  /** Commits what the user typed into a cell; `move` is where the selection goes next. */
  onCommit(sel: Selection, text: string, move: Move): void;
  /** Values typed but not yet confirmed by the server, by A1. */
  pending: Map<string, string>;
}

const HEADER_H = 24;
const ROWNUM_W = 46;
const DEFAULT_W = 100;

interface Editing {
  r: number;
  c: number;
  initial: string;
}

function cellStyle(cell: CellView): CSSProperties {
  const s: CSSProperties = {};
  if (cell.bg) s.background = cell.bg;
  if (cell.color) s.color = cell.color;
  if (cell.bold) s.fontWeight = 'bold';
  if (cell.italic) s.fontStyle = 'italic';
  if (cell.strike) s.textDecoration = 'line-through';
  // Alignment comes from the server, which knows the value's type.
  if (cell.align) s.textAlign = cell.align;
  return s;
}

export function Grid(props: GridProps): JSX.Element {
  const { sheet, selected, onSelect, onCommit, pending } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const [editing, setEditing] = useState<Editing | null>(null);
  const frame = useRef(0);

  const visibleCols = useMemo(() => {
    const hidden = new Set(sheet.hiddenCols);
    const cols: number[] = [];
    for (let c = 0; c < sheet.colCount; c++) if (!hidden.has(c)) cols.push(c);
    return cols;
  }, [sheet]);
  const heights = useMemo(() => rowHeights(sheet), [sheet]);
  const frozenRows = Math.min(sheet.frozenRows, sheet.rowCount);
  const bodyPrefix = useMemo(() => prefixSums(heights.slice(frozenRows)), [heights, frozenRows]);
  const frozenTops = useMemo(() => {
    const tops: number[] = [];
    let y = HEADER_H;
    for (let r = 0; r < frozenRows; r++) {
      tops.push(y);
      y += heights[r];
    }
    return { tops, total: y };
  }, [heights, frozenRows]);
  const frozenLefts = useMemo(() => {
    const lefts = new Map<number, number>();
    let x = ROWNUM_W;
    for (const c of visibleCols) {
      if (c >= sheet.frozenCols) break;
      lefts.set(c, x);
      x += sheet.widths[c] ?? DEFAULT_W;
    }
    return { lefts, total: x };
  }, [visibleCols, sheet]);
  // Where a chart anchored at a cell goes, in the unscrolled content (charts scroll with the cells).
  const allPrefix = useMemo(() => prefixSums(heights), [heights]);
  const rowTop = (r: number): number =>
    HEADER_H + (allPrefix[Math.min(r, heights.length)] ?? 0) + Math.max(0, r - heights.length) * ROW_H;
  const colLeft = (c: number): number => {
    const hidden = new Set(sheet.hiddenCols);
    let x = ROWNUM_W;
    for (let i = 0; i < c; i++) if (!hidden.has(i)) x += sheet.widths[i] ?? DEFAULT_W;
    return x;
  };
  const totalWidth = useMemo(
    () => visibleCols.reduce((w, c) => w + (sheet.widths[c] ?? DEFAULT_W), ROWNUM_W),
    [visibleCols, sheet],
  );

  // Track the viewport height.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const update = () => setViewport(el.clientHeight || 800);
    update();
    if (typeof ResizeObserver !== 'undefined') {
      const ro = new ResizeObserver(update);
      ro.observe(el);
      return () => ro.disconnect();
    }
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);

  // A new sheet (by name) starts at the top; a refresh of the same sheet keeps the scroll.
  useEffect(() => {
    setEditing(null);
    if (scrollRef.current) {
      scrollRef.current.scrollTop = 0;
      scrollRef.current.scrollLeft = 0;
    }
    setScrollTop(0);
    focusGrid();
  }, [sheet.name]);

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (scrollRef.current) setScrollTop(scrollRef.current.scrollTop);
    });
  };

  // Keys go to a hidden textarea (like Google Sheets): it receives typed text from any keyboard
  // layout or IME (an `input` event) and starts the editor with it.
  const sinkRef = useRef<HTMLTextAreaElement>(null);
  const focusGrid = () => sinkRef.current?.focus({ preventScroll: true });

  /** Scrolls so that the cell is in view (below the frozen rows, right of the frozen columns). */
  const scrollIntoView = (sel: Selection) => {
    const el = scrollRef.current;
    if (!el) return;
    if (sel.r >= frozenRows) {
      const i = sel.r - frozenRows;
      const top = bodyPrefix[i];
      const h = heights[sel.r];
      const room = el.clientHeight - frozenTops.total;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + h > el.scrollTop + room) el.scrollTop = top + h - room;
    }
    if (!frozenLefts.lefts.has(sel.c)) {
      let x = ROWNUM_W;
      for (const c of visibleCols) {
        if (c === sel.c) break;
        x += sheet.widths[c] ?? DEFAULT_W;
      }
      const w = sheet.widths[sel.c] ?? DEFAULT_W;
      if (x < el.scrollLeft + frozenLefts.total) el.scrollLeft = Math.max(0, x - frozenLefts.total);
      else if (x + w > el.scrollLeft + el.clientWidth) el.scrollLeft = x + w - el.clientWidth;
    }
  };

  const move = (sel: Selection, how: Move | 'up', by = 1): Selection => {
    let { r, c } = sel;
    if (how === 'down') r = Math.min(sheet.rowCount - 1, r + by);
    if (how === 'up') r = Math.max(0, r - by);
    if (how === 'right' || how === 'left') {
      const i = visibleCols.indexOf(c);
      const j = how === 'right' ? Math.min(visibleCols.length - 1, i + 1) : Math.max(0, i - 1);
      c = visibleCols[j] ?? c;
    }
    return { r, c };
  };

  const select = (sel: Selection) => {
    onSelect(sel);
    scrollIntoView(sel);
  };

  const startEdit = (sel: Selection, initial?: string) => {
    const cell = cellAt(sheet, sel.r, sel.c);
    setEditing({ r: sel.r, c: sel.c, initial: initial ?? pending.get(a1(sel.r, sel.c)) ?? cell.v });
  };

  const finishEdit = (text: string | null, how: Move) => {
    const ed = editing;
    setEditing(null);
    focusGrid();
    if (!ed) return;
    const sel = { r: ed.r, c: ed.c };
    if (text !== null) onCommit(sel, text, how);
    if (how !== 'none') select(move(sel, how));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (editing) return;
    const page = Math.max(1, Math.floor(viewport / ROW_H) - 2);
    switch (e.key) {
      case 'ArrowDown':
        return prevent(e, () => select(move(selected, 'down')));
      case 'ArrowUp':
        return prevent(e, () => select(move(selected, 'up')));
      case 'ArrowRight':
        return prevent(e, () => select(move(selected, 'right')));
      case 'ArrowLeft':
        return prevent(e, () => select(move(selected, 'left')));
      case 'PageDown':
        return prevent(e, () => select(move(selected, 'down', page)));
      case 'PageUp':
        return prevent(e, () => select(move(selected, 'up', page)));
      case 'Tab':
        return prevent(e, () => select(move(selected, e.shiftKey ? 'left' : 'right')));
      case 'Enter':
      case 'F2':
        return prevent(e, () => startEdit(selected));
      case 'Delete':
      case 'Backspace':
        return prevent(e, () => onCommit(selected, '', 'none'));
      default:
        // Printable keys arrive as text through the sink's input event.
        break;
    }
  };

  const onSinkInput = (e: Event) => {
    const sink = e.currentTarget as HTMLTextAreaElement;
    const text = sink.value;
    sink.value = '';
    if (!text || editing) return;
    // A dropdown cell opens its list; any other cell starts with the typed text.
    startEdit(selected, cellAt(sheet, selected.r, selected.c).options ? undefined : text);
  };

  /**
   * How far a cell's text may run, as in Sheets: text that is not wrapped, not centred or right-aligned,
   * spills over the empty cells to its right (up to the next cell with content). 0 = no spill.
   */
  const spillWidth = (r: number, c: number, cell: CellView): number => {
    if (cell.wrap || cell.options || (cell.align && cell.align !== 'left') || cell.v === '') return 0;
    const own = sheet.widths[c] ?? DEFAULT_W;
    const i = visibleCols.indexOf(c);
    let w = own;
    for (let j = i + 1; j < visibleCols.length; j++) {
      const next = visibleCols[j];
      if (frozenLefts.lefts.has(c) !== frozenLefts.lefts.has(next)) break;
      if (cellAt(sheet, r, next).v !== '' || pending.has(a1(r, next))) break;
      w += sheet.widths[next] ?? DEFAULT_W;
    }
    return w > own ? w : 0;
  };

  const renderCell = (r: number, c: number, h: number, top?: number): JSX.Element => {
    const cell = cellAt(sheet, r, c);
    const addr = a1(r, c);
    const isSel = selected.r === r && selected.c === c;
    const isEditing = editing && editing.r === r && editing.c === c;
    const style = cellStyle(cell);
    const left = frozenLefts.lefts.get(c);
    const cls = ['cell'];
    if (isSel) cls.push('sel');
    if (cell.wrap) cls.push('wrap');
    if (cell.options) cls.push('has-options');
    if (left !== undefined) {
      style.left = `${left}px`;
      cls.push('frozen-col');
    }
    if (top !== undefined) {
      style.top = `${top}px`;
      cls.push('frozen-row');
    }
    const shown = pending.get(addr) ?? cell.v;
    const spill = isEditing ? 0 : spillWidth(r, c, pending.has(addr) ? { ...cell, v: shown } : cell);
    if (spill) cls.push('spill');
    if (cell.invalid) cls.push('invalid');
    const inner: CSSProperties = { height: `${h - 1}px`, lineHeight: cell.wrap ? undefined : `${h - 1}px` };
    if (spill) {
      inner.width = `${spill - 1}px`;
      inner.background = cell.bg ?? '#fff';
    }
    return (
      <td
        key={c}
        class={cls.join(' ')}
        style={style}
        data-testid={`cell-${addr}`}
        data-a1={addr}
        title={[cell.note, cell.invalid].filter(Boolean).join('\n') || undefined}
        onMouseDown={(e) => {
          if (isEditing) return;
          // While another cell is being edited, let the focus move: the editor's blur commits it.
          if (!editing) {
            e.preventDefault();
            focusGrid();
          }
          onSelect({ r, c });
        }}
        onDblClick={() => startEdit({ r, c })}
      >
        {isEditing ? (
          <CellEditor cell={cell} initial={editing.initial} height={h} onDone={finishEdit} />
        ) : (
          <div class="c" style={inner} data-spill={spill || undefined}>
            <CellText text={shown} link={cell.link} />
            {cell.options ? (
              <span
                class="dd"
                role="button"
                aria-label={`Открыть список для ячейки ${addr}`}
                data-testid={`dropdown-${addr}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  onSelect({ r, c });
                  startEdit({ r, c });
                }}
              />
            ) : null}
            {cell.note ? <span class="note-mark" aria-hidden="true" /> : null}
            {cell.invalid ? <span class="invalid-mark" aria-hidden="true" /> : null}
          </div>
        )}
      </td>
    );
  };

  const renderRow = (r: number, top?: number): JSX.Element => {
    const h = heights[r];
    const rowSel = selected.r === r;
    return (
      <tr key={r} style={{ height: `${h}px` }}>
        <th
          class={`rownum${rowSel ? ' hl' : ''}${top !== undefined ? ' frozen-row' : ''}`}
          style={top !== undefined ? { top: `${top}px` } : undefined}
        >
          {r + 1}
        </th>
        {visibleCols.map((c) => renderCell(r, c, h, top))}
      </tr>
    );
  };

  const bodyCount = sheet.rowCount - frozenRows;
  const { first, last } = visibleRange(bodyPrefix, scrollTop, viewport);
  const bodyRows: JSX.Element[] = [];
  for (let i = first; i < last; i++) bodyRows.push(renderRow(frozenRows + i));
  const topPad = bodyPrefix[first] ?? 0;
  const bottomPad = (bodyPrefix[bodyCount] ?? 0) - (bodyPrefix[last] ?? 0);
  const span = visibleCols.length + 1;

  return (
    <div
      class="grid-scroll"
      ref={scrollRef}
      tabIndex={-1}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget) focusGrid();
      }}
      data-testid="grid"
      data-sheet={sheet.name}
    >
      <textarea
        ref={sinkRef}
        class="key-sink"
        data-testid="grid-input"
        aria-label={`Ячейка ${a1(selected.r, selected.c)}`}
        tabIndex={0}
        autoComplete="off"
        spellcheck={false}
        onInput={onSinkInput}
      />
      <table class="grid" style={{ width: `${totalWidth}px` }}>
        <colgroup>
          <col style={{ width: `${ROWNUM_W}px` }} />
          {visibleCols.map((c) => (
            <col key={c} style={{ width: `${sheet.widths[c] ?? DEFAULT_W}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr style={{ height: `${HEADER_H}px` }}>
            <th class="corner" />
            {visibleCols.map((c) => (
              <th
                key={c}
                class={`colhdr${selected.c === c ? ' hl' : ''}${frozenLefts.lefts.has(c) ? ' frozen-col' : ''}`}
                style={frozenLefts.lefts.has(c) ? { left: `${frozenLefts.lefts.get(c)}px` } : undefined}
              >
                {columnToLetters(c + 1)}
              </th>
            ))}
          </tr>
          {frozenTops.tops.map((top, r) => renderRow(r, top))}
        </thead>
        <tbody>
          {topPad > 0 ? (
            <tr class="pad" style={{ height: `${topPad}px` }}>
              <td colSpan={span} />
            </tr>
          ) : null}
          {bodyRows}
          {bottomPad > 0 ? (
            <tr class="pad" style={{ height: `${bottomPad}px` }}>
              <td colSpan={span} />
            </tr>
          ) : null}
        </tbody>
      </table>
      <ChartLayer charts={sheet.charts ?? []} colLeft={colLeft} rowTop={rowTop} />
    </div>
  );
}

/** A cell's text; http(s) addresses (or a HYPERLINK's target) are links that open in a new tab. */
function CellText({ text, link }: { text: string; link?: string }): JSX.Element {
  const stop = (e: MouseEvent) => e.stopPropagation();
  if (link) {
    return (
      <a href={link} target="_blank" rel="noopener noreferrer" onMouseDown={stop}>
        {text}
      </a>
    );
  }
  if (!text.includes('http')) return <>{text}</>;
  return (
    <>
      {linkify(text).map((part, i) =>
        part.href ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer" onMouseDown={stop}>
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

function prevent(e: KeyboardEvent, fn: () => void): void {
  e.preventDefault();
  fn();
}

interface EditorProps {
  cell: CellView;
  initial: string;
  height: number;
  onDone(text: string | null, move: Move): void;
}

/** The in-place editor: a text input, or a dropdown for a cell with a list validation. */
function CellEditor({ cell, initial, height, onDone }: EditorProps): JSX.Element {
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const done = useRef(false);
  const finish = (text: string | null, move: Move) => {
    if (done.current) return;
    done.current = true;
    onDone(text, move);
  };
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    if (el instanceof HTMLInputElement) el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    const value = ref.current?.value ?? '';
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(value, 'down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      finish(value, e.shiftKey ? 'left' : 'right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finish(null, 'none');
    }
  };
  const onBlur = () => {
    const value = ref.current?.value ?? '';
    finish(value === initial ? null : value, 'none');
  };
  const style = { height: `${height - 1}px` };
  if (cell.options) {
    return <ListEditor options={cell.options} initial={initial} height={height} onDone={finish} />;
  }
  return (
    <input
      ref={ref}
      class="editor"
      style={style}
      data-testid="cell-editor"
      defaultValue={initial}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      spellcheck={false}
      autoComplete="off"
    />
  );
}

interface ListEditorProps {
  options: string[];
  initial: string;
  height: number;
  onDone(text: string | null, move: Move): void;
}

/**
 * The dropdown of a list-validated cell, as Sheets opens it from the ▾ arrow, a double click, Enter or
 * typing: the rule's values under the cell; a click or Enter picks one, Escape or a click elsewhere
 * leaves the cell as it was.
 */
function ListEditor({ options, initial, height, onDone }: ListEditorProps): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(Math.max(0, options.indexOf(initial)));
  useLayoutEffect(() => {
    ref.current?.focus();
  }, []);
  const pick = (i: number, move: Move) => onDone(options[i] === initial ? null : options[i], move);
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'ArrowDown') prevent(e, () => setActive((a) => Math.min(options.length - 1, a + 1)));
    else if (e.key === 'ArrowUp') prevent(e, () => setActive((a) => Math.max(0, a - 1)));
    else if (e.key === 'Enter') prevent(e, () => pick(active, 'down'));
    else if (e.key === 'Tab') prevent(e, () => pick(active, e.shiftKey ? 'left' : 'right'));
    else if (e.key === 'Escape') prevent(e, () => onDone(null, 'none'));
  };
  return (
    <div
      ref={ref}
      class="editor list-editor"
      style={{ height: `${height - 1}px` }}
      tabIndex={0}
      role="combobox"
      aria-expanded="true"
      aria-controls="cell-dropdown"
      data-testid="cell-editor"
      onKeyDown={onKeyDown}
      onBlur={() => onDone(null, 'none')}
    >
      <span class="list-current">{initial}</span>
      <ul id="cell-dropdown" class="dropdown-list" role="listbox" data-testid="dropdown-list">
        {options.map((o, i) => (
          <li
            key={o}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => {
              e.preventDefault();
              e.stopPropagation();
              pick(i, 'none');
            }}
          >
            {o === '' ? '—' : o}
          </li>
        ))}
      </ul>
    </div>
  );
}
