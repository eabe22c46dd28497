import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from '../shared/dom.js';

export interface ChartSeries {
  label: string;
  color: string;
  /** Second y axis (right side) for series of another unit (GMV beside orders). */
  right?: boolean;
  /** Draw as bars (per-minute counts) instead of a line. */
  bars?: boolean;
}

/** "19:05" for a time tick, "19:05:30" when ticks are less than a minute apart (local time). */
function clockLabel(unixS: number, stepS: number): string {
  const d = new Date(unixS * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}${stepS < 60 ? ':' + two(d.getSeconds()) : ''}`;
}

const AXIS = { stroke: '#9fb0d0', grid: { stroke: 'rgba(255,255,255,0.07)', width: 1 }, ticks: { stroke: 'rgba(255,255,255,0.15)', width: 1 } };

/**
 * A small time-series chart (uPlot) that follows its container's width. Use when: plotting the
 * analytics series. Expects x in unix seconds and one column per series; `setData` redraws.
 */
export class TimeChart {
  readonly el: HTMLElement;
  private plot: uPlot | null = null;
  private data: uPlot.AlignedData;
  private span: [number, number] | null = null;
  private readonly ro: ResizeObserver;

  constructor(
    private title: string,
    private series: ChartSeries[],
    private readonly height = 180,
    testId = '',
  ) {
    this.data = [[], ...series.map(() => [])];
    this.el = h('figure', { class: 'chart', 'data-testid': testId || null });
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(this.el);
  }

  /** Relabels the chart (language switch): rebuilt on the next draw. */
  relabel(title: string, labels: string[]): void {
    this.title = title;
    this.series = this.series.map((s, i) => ({ ...s, label: labels[i] ?? s.label }));
    this.plot?.destroy();
    this.plot = null;
    this.draw();
  }

  /** `x` in unix seconds; `span` fixes the time axis (else it fits the data, which fails for one point). */
  setData(x: number[], columns: number[][], span?: [number, number]): void {
    this.span = span ?? null;
    this.data = [x, ...columns];
    if (this.plot) this.plot.setData(this.data);
    else this.draw();
  }

  private width(): number {
    return Math.max(240, Math.floor(this.el.clientWidth || 320));
  }

  private draw(): void {
    if (this.plot || !this.el.isConnected) return;
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const opts: uPlot.Options = {
      title: this.title,
      width: this.width(),
      height: this.height,
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true, range: (_u, min, max) => this.span ?? [min, max] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] }, r: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { ...AXIS, values: (_u, splits, _i, _space, incr) => splits.map((v) => clockLabel(v, incr)) },
        { ...AXIS, scale: 'y', size: 44 },
        ...(this.series.some((s) => s.right) ? [{ ...AXIS, scale: 'r', side: 1 as const, size: 54, grid: { show: false } }] : []),
      ],
      series: [
        {},
        ...this.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          scale: s.right ? 'r' : 'y',
          fill: s.bars ? s.color + '99' : s.color + '22',
          ...(s.bars && bars ? { paths: bars, points: { show: false } } : {}),
        })),
      ],
    };
    this.plot = new uPlot(opts, this.data, this.el);
  }

  private resize(): void {
    if (!this.plot) return this.draw();
    const w = this.width();
    if (Math.abs(w - this.plot.width) > 2) this.plot.setSize({ width: w, height: this.height });
  }

  dispose(): void {
    this.ro.disconnect();
    this.plot?.destroy();
  }
}
