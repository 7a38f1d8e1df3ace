/**
 * Embedded charts drawn over the grid, each at its anchor cell, as plain SVG (no chart library):
 * column, bar, line, area, pie; a table chart as a table; other types as columns with a note.
 * The data comes from the server's SheetView (re-read from the cells on every fetch). Every label is
 * a text node, never HTML.
 */
import type { JSX } from 'preact';
import type { ChartView } from '../server/protocol';

/** Google Sheets' default series colours. */
export const PALETTE = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
  '#fcd04f',
  '#71c287',
];

const FONT = 'Arial, Helvetica, sans-serif';
const TITLE_H = 30;
const LEGEND_H = 22;
const CHAR_W = 6.2;

export interface ChartLayerProps {
  charts: ChartView[];
  /** Pixel x of the left edge of a 0-based column, in the grid's scrolling content. */
  colLeft(c: number): number;
  /** Pixel y of the top edge of a 0-based row, in the grid's scrolling content. */
  rowTop(r: number): number;
}

/** The charts of the shown sheet, floating over the cells at their anchors (they scroll with them). */
export function ChartLayer({ charts, colLeft, rowTop }: ChartLayerProps): JSX.Element | null {
  if (charts.length === 0) return null;
  return (
    <>
      {charts.map((chart) => (
        <div
          key={chart.id}
          class="chart-panel"
          data-testid={`chart-${chart.id}`}
          data-chart-type={chart.type}
          style={{
            position: 'absolute',
            left: `${colLeft(chart.anchor.column - 1) + chart.anchor.offsetX}px`,
            top: `${rowTop(chart.anchor.row - 1) + chart.anchor.offsetY}px`,
            width: `${chart.width}px`,
            height: `${chart.height}px`,
            zIndex: 3,
            background: '#fff',
            border: '1px solid #dadce0',
            boxShadow: '0 1px 3px rgba(60,64,67,.25)',
            overflow: 'hidden',
          }}
          onMouseDown={(e) => e.stopPropagation()}
        >
          <ChartDrawing chart={chart} />
        </div>
      ))}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Numbers

function isPercent(chart: ChartView): boolean {
  const shown = chart.series.display.flat().filter((t) => t !== '');
  return shown.length > 0 && shown.every((t) => t.trim().endsWith('%'));
}

/** ru-RU number text: decimal comma, no-break-space thousands. */
function fmt(v: number, percent: boolean): string {
  if (percent) return `${trim(v * 100)}%`;
  return trim(v);
}

function trim(v: number): string {
  const rounded = Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
  return rounded.toLocaleString('ru-RU', { maximumFractionDigits: 2 });
}

/** A "nice" step for about `n` gridlines over [0, span]. */
function niceStep(span: number, n = 5): number {
  if (span <= 0) return 1;
  const raw = span / n;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

function scaleOf(values: number[]): Scale {
  const hi = Math.max(0, ...values);
  const lo = Math.min(0, ...values);
  const step = niceStep(hi - lo || 1);
  const min = Math.floor(lo / step) * step;
  const max = Math.max(Math.ceil(hi / step) * step, min + step);
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  return { min, max, ticks };
}

/** Text cut to fit `px` pixels (an estimate), with an ellipsis. */
function fit(text: string, px: number): string {
  const n = Math.max(1, Math.floor(px / CHAR_W));
  return text.length <= n ? text : `${text.slice(0, Math.max(1, n - 1))}…`;
}

function colorsOf(chart: ChartView): string[] {
  return chart.colors && chart.colors.length > 0 ? chart.colors : PALETTE;
}

// ---------------------------------------------------------------------------------------------
// Drawing

function ChartDrawing({ chart }: { chart: ChartView }): JSX.Element {
  const { width: W, height: H, series } = chart;
  const top = chart.title ? TITLE_H : 8;
  const empty = series.labels.length === 0 || series.values.length === 0;
  let body: JSX.Element;
  if (empty) {
    body = (
      <text x={W / 2} y={H / 2} text-anchor="middle" fill="#80868b" font-size="13">
        Нет данных
      </text>
    );
  } else if (chart.type === 'TABLE') {
    return <TableChart chart={chart} />;
  } else if (chart.type === 'PIE') {
    body = <Pie chart={chart} top={top} />;
  } else if (chart.type === 'BAR') {
    body = <Bars chart={chart} top={top} />;
  } else if (chart.type === 'LINE' || chart.type === 'AREA' || chart.type === 'SCATTER') {
    body = <Lines chart={chart} top={top} />;
  } else {
    body = <Columns chart={chart} top={top} />;
  }
  const other = !empty && !['PIE', 'BAR', 'LINE', 'AREA', 'SCATTER', 'COLUMN'].includes(chart.type);
  return (
    <svg
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      font-family={FONT}
      role="img"
      aria-label={chart.title || 'Диаграмма'}
    >
      <rect x={0} y={0} width={W} height={H} fill="#fff" />
      {chart.title ? (
        <text x={W / 2} y={20} text-anchor="middle" font-size="14" font-weight="bold" fill="#202124">
          {fit(chart.title, W - 16)}
        </text>
      ) : null}
      {body}
      {other ? (
        <text x={W - 6} y={H - 6} text-anchor="end" font-size="10" fill="#80868b">
          {`Тип ${chart.type} показан столбцами`}
        </text>
      ) : null}
    </svg>
  );
}

/** Series names under the plot, when there is more than one series and the legend is not off. */
function Legend({ chart, y }: { chart: ChartView; y: number }): JSX.Element | null {
  const names = chart.series.names;
  if (chart.legend === 'none' || names.length < 2) return null;
  const colors = colorsOf(chart);
  const slot = Math.max(60, Math.min(180, (chart.width - 16) / names.length));
  const total = slot * names.length;
  const x0 = Math.max(8, (chart.width - total) / 2);
  return (
    <g class="legend">
      {names.map((name, s) => (
        <g key={s}>
          <rect x={x0 + s * slot} y={y + 4} width={10} height={10} fill={colors[s % colors.length]} />
          <text x={x0 + s * slot + 14} y={y + 13} font-size="11" fill="#3c4043">
            {fit(name || `Ряд ${s + 1}`, slot - 18)}
          </text>
        </g>
      ))}
    </g>
  );
}

function legendRoom(chart: ChartView): number {
  return chart.legend !== 'none' && chart.series.names.length >= 2 ? LEGEND_H : 0;
}

/** Gridlines and value labels of a value axis (vertical for columns/lines, horizontal for bars). */
function ValueAxis(props: {
  scale: Scale;
  percent: boolean;
  horizontal: boolean;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}): JSX.Element {
  const { scale, percent, horizontal, x0, x1, y0, y1 } = props;
  const pos = (v: number) =>
    horizontal
      ? x0 + ((v - scale.min) / (scale.max - scale.min)) * (x1 - x0)
      : y1 - ((v - scale.min) / (scale.max - scale.min)) * (y1 - y0);
  return (
    <g class="axis">
      {scale.ticks.map((t) => {
        const p = pos(t);
        return horizontal ? (
          <g key={t}>
            <line x1={p} x2={p} y1={y0} y2={y1} stroke={t === 0 ? '#9aa0a6' : '#e8eaed'} />
            <text x={p} y={y1 + 13} text-anchor="middle" font-size="10" fill="#5f6368">
              {fmt(t, percent)}
            </text>
          </g>
        ) : (
          <g key={t}>
            <line x1={x0} x2={x1} y1={p} y2={p} stroke={t === 0 ? '#9aa0a6' : '#e8eaed'} />
            <text x={x0 - 4} y={p + 3} text-anchor="end" font-size="10" fill="#5f6368">
              {fmt(t, percent)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Columns({ chart, top }: { chart: ChartView; top: number }): JSX.Element {
  const { labels, values, display } = chart.series;
  const percent = isPercent(chart);
  const scale = scaleOf(values.flat());
  const x0 = 46;
  const x1 = chart.width - 12;
  const y0 = top + 6;
  const y1 = chart.height - 28 - legendRoom(chart);
  const band = (x1 - x0) / labels.length;
  const barW = Math.max(2, (band * 0.7) / values.length);
  const y = (v: number) => y1 - ((v - scale.min) / (scale.max - scale.min)) * (y1 - y0);
  const colors = colorsOf(chart);
  return (
    <g>
      <ValueAxis scale={scale} percent={percent} horizontal={false} x0={x0} x1={x1} y0={y0} y1={y1} />
      {labels.map((label, i) => (
        <g key={i}>
          {values.map((vals, s) => {
            const v = vals[i];
            const bx = x0 + i * band + band * 0.15 + s * barW;
            const top0 = Math.min(y(v), y(0));
            const h = Math.abs(y(v) - y(0));
            return (
              <g key={s}>
                <rect x={bx} y={top0} width={barW - 1} height={Math.max(h, 0.5)} fill={colors[s % colors.length]}>
                  <title>{`${label}: ${display[s][i]}`}</title>
                </rect>
                {barW >= 18 ? (
                  <text x={bx + barW / 2} y={top0 - 3} text-anchor="middle" font-size="10" fill="#3c4043">
                    {fit(display[s][i], barW + 10)}
                  </text>
                ) : null}
              </g>
            );
          })}
          <text x={x0 + i * band + band / 2} y={y1 + 14} text-anchor="middle" font-size="10" fill="#3c4043">
            {fit(label, band - 2)}
          </text>
        </g>
      ))}
      <Legend chart={chart} y={chart.height - LEGEND_H - 2} />
    </g>
  );
}

function Bars({ chart, top }: { chart: ChartView; top: number }): JSX.Element {
  const { labels, values, display } = chart.series;
  const percent = isPercent(chart);
  const scale = scaleOf(values.flat());
  const longest = Math.max(...labels.map((l) => l.length));
  const x0 = Math.min(chart.width * 0.4, Math.max(40, longest * CHAR_W + 10));
  const x1 = chart.width - 40;
  const y0 = top + 4;
  const y1 = chart.height - 22 - legendRoom(chart);
  const band = (y1 - y0) / labels.length;
  const barH = Math.max(2, (band * 0.7) / values.length);
  const x = (v: number) => x0 + ((v - scale.min) / (scale.max - scale.min)) * (x1 - x0);
  const colors = colorsOf(chart);
  return (
    <g>
      <ValueAxis scale={scale} percent={percent} horizontal x0={x0} x1={x1} y0={y0} y1={y1} />
      {labels.map((label, i) => (
        <g key={i}>
          <text x={x0 - 5} y={y0 + i * band + band / 2 + 4} text-anchor="end" font-size="11" fill="#3c4043">
            {fit(label, x0 - 8)}
          </text>
          {values.map((vals, s) => {
            const v = vals[i];
            const by = y0 + i * band + band * 0.15 + s * barH;
            const left = Math.min(x(v), x(0));
            const w = Math.abs(x(v) - x(0));
            return (
              <g key={s}>
                <rect x={left} y={by} width={Math.max(w, 0.5)} height={barH - 1} fill={colors[s % colors.length]}>
                  <title>{`${label}: ${display[s][i]}`}</title>
                </rect>
                {barH >= 10 ? (
                  <text x={left + w + 3} y={by + barH / 2 + 3} font-size="10" fill="#3c4043">
                    {display[s][i]}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      ))}
      <Legend chart={chart} y={chart.height - LEGEND_H - 2} />
    </g>
  );
}

function Lines({ chart, top }: { chart: ChartView; top: number }): JSX.Element {
  const { labels, values, display } = chart.series;
  const percent = isPercent(chart);
  const scale = scaleOf(values.flat());
  const x0 = 46;
  const x1 = chart.width - 16;
  const y0 = top + 6;
  const y1 = chart.height - 28 - legendRoom(chart);
  const step = labels.length > 1 ? (x1 - x0) / (labels.length - 1) : 0;
  const px = (i: number) => (labels.length > 1 ? x0 + i * step : (x0 + x1) / 2);
  const py = (v: number) => y1 - ((v - scale.min) / (scale.max - scale.min)) * (y1 - y0);
  const colors = colorsOf(chart);
  const every = Math.max(1, Math.ceil((labels.length * 60) / Math.max(1, x1 - x0)));
  return (
    <g>
      <ValueAxis scale={scale} percent={percent} horizontal={false} x0={x0} x1={x1} y0={y0} y1={y1} />
      {values.map((vals, s) => {
        const color = colors[s % colors.length];
        const points = vals.map((v, i) => `${px(i)},${py(v)}`).join(' ');
        return (
          <g key={s}>
            {chart.type === 'AREA' ? (
              <polygon
                points={`${px(0)},${py(0)} ${points} ${px(vals.length - 1)},${py(0)}`}
                fill={color}
                fill-opacity="0.3"
              />
            ) : null}
            {chart.type !== 'SCATTER' ? <polyline points={points} fill="none" stroke={color} stroke-width="2" /> : null}
            {vals.map((v, i) => (
              <circle key={i} cx={px(i)} cy={py(v)} r={3} fill={color}>
                <title>{`${labels[i]}: ${display[s][i]}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
      {labels.map((label, i) =>
        i % every === 0 ? (
          <text key={i} x={px(i)} y={y1 + 14} text-anchor="middle" font-size="10" fill="#3c4043">
            {fit(label, Math.max(step * every, 40) - 4)}
          </text>
        ) : null,
      )}
      <Legend chart={chart} y={chart.height - LEGEND_H - 2} />
    </g>
  );
}

function Pie({ chart, top }: { chart: ChartView; top: number }): JSX.Element {
  const { labels } = chart.series;
  const vals = chart.series.values[0].map((v) => Math.max(0, v));
  const display = chart.series.display[0];
  const total = vals.reduce((a, b) => a + b, 0);
  const colors = colorsOf(chart);
  const showLegend = chart.legend !== 'none';
  const legendW = showLegend ? Math.min(220, chart.width * 0.42) : 0;
  const cx = (chart.width - legendW) / 2;
  const cy = top + (chart.height - top - 8) / 2;
  const r = Math.max(10, Math.min(cx - 12, (chart.height - top - 16) / 2));
  if (total <= 0) {
    return (
      <text x={chart.width / 2} y={chart.height / 2} text-anchor="middle" fill="#80868b" font-size="13">
        Нет данных
      </text>
    );
  }
  let angle = -Math.PI / 2;
  const slices = vals.map((v, i) => {
    const a0 = angle;
    const a1 = angle + (v / total) * Math.PI * 2;
    angle = a1;
    const share = v / total;
    const mid = (a0 + a1) / 2;
    const large = a1 - a0 > Math.PI ? 1 : 0;
    const p = (a: number) => `${cx + r * Math.cos(a)},${cy + r * Math.sin(a)}`;
    const color = colors[i % colors.length];
    const shape =
      share >= 0.9999 ? (
        <circle cx={cx} cy={cy} r={r} fill={color} stroke="#fff" />
      ) : (
        <path d={`M${cx},${cy} L${p(a0)} A${r},${r} 0 ${large} 1 ${p(a1)} Z`} fill={color} stroke="#fff" />
      );
    return (
      <g key={i}>
        {v > 0 ? shape : null}
        {share >= 0.05 ? (
          <text
            x={cx + r * 0.65 * Math.cos(mid)}
            y={cy + r * 0.65 * Math.sin(mid) + 4}
            text-anchor="middle"
            font-size="11"
            fill="#fff"
          >
            {`${Math.round(share * 100)}%`}
          </text>
        ) : null}
        <title>{`${labels[i]}: ${display[i]}`}</title>
      </g>
    );
  });
  return (
    <g>
      {slices}
      {showLegend ? (
        <g class="legend">
          {labels.map((label, i) => (
            <g key={i}>
              <rect
                x={chart.width - legendW}
                y={top + 6 + i * 18}
                width={10}
                height={10}
                fill={colors[i % colors.length]}
              />
              <text x={chart.width - legendW + 14} y={top + 15 + i * 18} font-size="11" fill="#3c4043">
                {fit(`${label} — ${display[i]}`, legendW - 18)}
              </text>
            </g>
          ))}
        </g>
      ) : null}
    </g>
  );
}

function TableChart({ chart }: { chart: ChartView }): JSX.Element {
  const { labels, names, display } = chart.series;
  const cell = { border: '1px solid #e0e0e0', padding: '2px 6px', fontSize: '12px' };
  return (
    <div style={{ width: '100%', height: '100%', overflow: 'auto', fontFamily: FONT }}>
      {chart.title ? <div style={{ fontWeight: 'bold', padding: '6px 8px' }}>{chart.title}</div> : null}
      <table style={{ borderCollapse: 'collapse', margin: '4px 8px' }}>
        <thead>
          <tr>
            <th style={cell} />
            {names.map((n, s) => (
              <th key={s} style={cell}>
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, i) => (
            <tr key={i}>
              <td style={cell}>{label}</td>
              {display.map((col, s) => (
                <td key={s} style={{ ...cell, textAlign: 'right' }}>
                  {col[i]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
