/** The scale chart: one small log–log panel per measure, a line per set-up, targets as dashed lines. */
import { Canvas, GLYPH_HEIGHT, type Rgb } from './png.ts';

export interface Series {
  label: string;
  color: Rgb;
  /** x: passages; y: the measure. Points with y ≤ 0 or not finite are left out. */
  points: Array<{ x: number; y: number | undefined }>;
}

export interface Panel {
  title: string;
  series: Series[];
  target?: { value: number; label: string };
}

export const SERIES_COLORS: Rgb[] = [
  [214, 39, 40], // ours: red
  [255, 127, 14], // ours with FTS5: orange
  [31, 119, 180], // jieba peer: blue
  [120, 120, 120], // default peer: grey
];

const INK: Rgb = [30, 30, 30];
const GRID: Rgb = [225, 225, 225];
const TARGET: Rgb = [44, 160, 44];

/** 1000 → "1K", 0.01 → "0.01". */
function label(value: number): string {
  if (value >= 1e6) return `${+(value / 1e6).toPrecision(3)}M`;
  if (value >= 1e3) return `${+(value / 1e3).toPrecision(3)}K`;
  return `${+value.toPrecision(3)}`;
}

function decades(values: number[]): [number, number] {
  const logs = values.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10);
  if (logs.length === 0) return [0, 1];
  const lo = Math.floor(Math.min(...logs));
  const hi = Math.ceil(Math.max(...logs));
  return [lo, hi === lo ? lo + 1 : hi];
}

function drawPanel(canvas: Canvas, panel: Panel, x0: number, y0: number, width: number, height: number): void {
  const scale = 2;
  canvas.text(x0 + 8, y0 + 6, panel.title, INK, scale);
  const left = x0 + 62;
  const right = x0 + width - 30;
  const top = y0 + 34;
  const bottom = y0 + height - 34;
  const xs = panel.series.flatMap((s) => s.points.map((p) => p.x));
  const ys = panel.series.flatMap((s) => s.points.map((p) => p.y ?? NaN));
  if (panel.target) ys.push(panel.target.value);
  const [xLo, xHi] = decades(xs);
  const [yLo, yHi] = decades(ys);
  const px = (x: number) => left + ((Math.log10(x) - xLo) / (xHi - xLo)) * (right - left);
  const py = (y: number) => bottom - ((Math.log10(y) - yLo) / (yHi - yLo)) * (bottom - top);
  for (let d = xLo; d <= xHi; d++) {
    const x = px(10 ** d);
    canvas.line(x, top, x, bottom, GRID);
    const text = label(10 ** d);
    canvas.text(x - Canvas.textWidth(text, scale) / 2, bottom + 8, text, INK, scale);
  }
  for (let d = yLo; d <= yHi; d++) {
    const y = py(10 ** d);
    canvas.line(left, y, right, y, GRID);
    const text = label(10 ** d);
    canvas.text(left - 8 - Canvas.textWidth(text, scale), y - (GLYPH_HEIGHT * scale) / 2, text, INK, scale);
  }
  canvas.line(left, top, left, bottom, INK);
  canvas.line(left, bottom, right, bottom, INK);
  if (panel.target) {
    const y = py(panel.target.value);
    canvas.line(left, y, right, y, TARGET, 2, 6);
    canvas.text(
      right - Canvas.textWidth(panel.target.label, scale) - 2,
      y - GLYPH_HEIGHT * scale - 4,
      panel.target.label,
      TARGET,
      scale,
    );
  }
  for (const series of panel.series) {
    const points = series.points.filter(
      (p): p is { x: number; y: number } => p.y !== undefined && p.y > 0 && Number.isFinite(p.y),
    );
    points.forEach((p, i) => {
      const prev = points[i - 1];
      if (prev) canvas.line(px(prev.x), py(prev.y), px(p.x), py(p.y), series.color, 3);
    });
    for (const p of points) canvas.dot(px(p.x), py(p.y), 5, series.color);
  }
}

/** Renders panels in a grid of `columns`, with a title and a legend on top; returns the PNG. */
export function renderPanels(
  title: string,
  subtitle: string,
  panels: Panel[],
  legend: Array<{ label: string; color: Rgb }>,
  columns = 3,
): Buffer {
  const panelWidth = 420;
  const panelHeight = 300;
  const header = 96;
  const rows = Math.ceil(panels.length / columns);
  const canvas = new Canvas(panelWidth * columns + 20, header + panelHeight * rows + 10);
  canvas.text(16, 12, title, INK, 3);
  canvas.text(16, 44, subtitle, [90, 90, 90], 2);
  let lx = 16;
  for (const item of legend) {
    canvas.line(lx, 80, lx + 28, 80, item.color, 4);
    canvas.dot(lx + 14, 80, 5, item.color);
    canvas.text(lx + 36, 74, item.label, INK, 2);
    lx += 36 + Canvas.textWidth(item.label, 2) + 30;
  }
  panels.forEach((panel, i) => {
    drawPanel(
      canvas,
      panel,
      10 + (i % columns) * panelWidth,
      header + Math.floor(i / columns) * panelHeight,
      panelWidth,
      panelHeight,
    );
  });
  return canvas.toPng();
}
