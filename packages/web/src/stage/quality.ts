/**
 * Rendering quality that adapts to the device. Software WebGL (SwiftShader, llvmpipe) gets no MSAA,
 * and on any device the render resolution steps down while frames are slow and back up when there
 * is headroom, so the host stays fluid on weak phones and sharp on good ones.
 */
export function isSoftwareRenderer(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}

export class ResolutionGovernor {
  private windowStart = -1;
  private frames = 0;
  private lastChange = 0;
  ratio: number;

  /** `max`/`min`: device-pixel ratios to render at; `target`: fps to hold. */
  constructor(private readonly max: number, private readonly min: number, private readonly target = 30) {
    this.ratio = max;
  }

  /** Call once per frame; returns true when `ratio` changed (the caller resizes the renderer). */
  frame(nowMs: number): boolean {
    if (this.windowStart < 0) this.windowStart = nowMs;
    this.frames++;
    const span = nowMs - this.windowStart;
    if (span < 1500) return false;
    const fps = ((this.frames - 1) * 1000) / span;
    this.windowStart = nowMs;
    this.frames = 0;
    let next = this.ratio;
    if (fps < this.target * 0.92 && this.ratio > this.min) next = Math.max(this.min, this.ratio * Math.sqrt(fps / this.target));
    else if (fps > this.target * 1.6 && this.ratio < this.max && nowMs - this.lastChange > 5000) next = Math.min(this.max, this.ratio * 1.15);
    if (Math.abs(next - this.ratio) < 0.02) return false;
    this.ratio = next;
    this.lastChange = nowMs;
    return true;
  }
}
