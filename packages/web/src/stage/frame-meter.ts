/** Frames per second over the last second, and frame times for percentiles (bench, debug). */
export class FrameMeter {
  private readonly stamps: number[] = [];
  fps = 0;

  tick(nowMs: number): void {
    this.stamps.push(nowMs);
    while (this.stamps.length > 0 && nowMs - this.stamps[0]! > 1000) this.stamps.shift();
    this.fps = this.stamps.length > 1 ? ((this.stamps.length - 1) * 1000) / (nowMs - this.stamps[0]!) : 0;
  }
}
