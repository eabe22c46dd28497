import * as THREE from 'three';
import { freeFraction } from './hall/collide.js';
import { forwardOf, type Vec2 } from './hall/layout.js';
import type { Hall } from './hall/hall.js';
import { angleDiff } from './walker.js';

const CAM = { distance: 6.2, height: 3.3, lookAhead: 3, lookHeight: 1.5, fov: 58 } as const;

/** Frame statistics for the debug hook and the benchmark. */
export interface FrameStats {
  fps: number;
  frameMs: number;
  drawCalls: number;
  triangles: number;
  /** The render resolution as a fraction of the CSS size × device pixel ratio. */
  scale: number;
}

/**
 * The 3D view: renderer, follow camera (behind and above the fan, pulled in when a wall would
 * come between), frame statistics, and a resolution governor that keeps software-rendered WebGL
 * smooth by trading pixels for frames when the frame time stays high.
 */
export class View {
  readonly renderer: THREE.WebGLRenderer;
  readonly camera = new THREE.PerspectiveCamera(CAM.fov, 1, 0.1, 800);
  readonly stats: FrameStats = { fps: 0, frameMs: 0, drawCalls: 0, triangles: 0, scale: 1 };
  private camYaw = 0;
  private readonly camPos = new THREE.Vector3();
  private readonly look = new THREE.Vector3();
  private frames: number[] = [];
  /** Frame times (ms) since the governor last decided. */
  private window: number[] = [];
  private governorAt = 0;
  /** True when WebGL runs on the CPU (SwiftShader, llvmpipe): every pixel is paid for in software. */
  readonly software: boolean;
  private readonly ray = new THREE.Raycaster();
  private readonly floor = new THREE.Plane(new THREE.Vector3(0, 1, 0), 0);
  /** Upper bound of the device pixel ratio used (phones have 3; that is too many pixels). */
  maxPixelRatio = 1.5;
  /** Lower bound the governor may reduce the resolution to. */
  minScale = 0.5;
  adaptive = true;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly hall: Hall,
  ) {
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: false, powerPreference: 'high-performance', stencil: false });
    // Colours are authored and stored in sRGB and written out as they are: no per-pixel colour
    // conversion in every shader (see colour.ts).
    this.renderer.outputColorSpace = THREE.LinearSRGBColorSpace;
    this.renderer.info.autoReset = true;
    this.software = isSoftwareGl(this.renderer.getContext());
    // Start a software renderer below full resolution; the governor raises it if there is headroom.
    if (this.software) this.stats.scale = 0.8;
    this.resize();
    new ResizeObserver(() => this.resize()).observe(canvas);
  }

  private basePixelRatio(): number {
    return Math.min(window.devicePixelRatio || 1, this.maxPixelRatio);
  }

  resize(): void {
    const w = this.canvas.clientWidth || window.innerWidth;
    const h = this.canvas.clientHeight || window.innerHeight;
    this.renderer.setPixelRatio(this.basePixelRatio() * this.stats.scale);
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / Math.max(1, h);
    this.camera.updateProjectionMatrix();
  }

  /** Puts the camera straight behind the fan (no easing): at start and after a jump. */
  snap(pos: Vec2, yaw: number): void {
    this.camYaw = yaw;
    this.follow(pos, yaw, 1, true);
  }

  /** Eases the camera towards its place behind the fan at `pos` looking along `yaw`. */
  follow(pos: Vec2, yaw: number, dt: number, instant = false): void {
    const k = instant ? 1 : 1 - Math.exp(-dt * 5);
    this.camYaw += angleDiff(this.camYaw, yaw) * k;
    const f = forwardOf(this.camYaw);
    const want = { x: pos.x - f.x * CAM.distance, z: pos.z - f.z * CAM.distance };
    // Pull the camera in front of any wall between it and the fan.
    const free = freeFraction(pos, want, this.hall.layout.colliders.segments);
    const d = free < 1 ? Math.max(1.2, CAM.distance * free - 0.5) : CAM.distance;
    const target = new THREE.Vector3(pos.x - f.x * d, CAM.height * (0.55 + (0.45 * d) / CAM.distance), pos.z - f.z * d);
    const kp = instant ? 1 : 1 - Math.exp(-dt * 9);
    this.camPos.lerp(target, kp);
    if (instant) this.camPos.copy(target);
    this.camera.position.copy(this.camPos);
    this.look.set(pos.x + f.x * CAM.lookAhead, CAM.lookHeight, pos.z + f.z * CAM.lookAhead);
    this.camera.lookAt(this.look);
  }

  /** The floor point under a screen position, if the ray hits the floor in front of the camera. */
  floorAt(clientX: number, clientY: number): Vec2 | null {
    const r = this.canvas.getBoundingClientRect();
    const ndc = new THREE.Vector2(((clientX - r.left) / r.width) * 2 - 1, -((clientY - r.top) / r.height) * 2 + 1);
    this.ray.setFromCamera(ndc, this.camera);
    const hit = this.ray.ray.intersectPlane(this.floor, new THREE.Vector3());
    if (!hit || hit.distanceTo(this.camera.position) > 120) return null;
    return { x: hit.x, z: hit.z };
  }

  render(now: number, dt: number): void {
    this.renderer.render(this.hall.scene, this.camera);
    const info = this.renderer.info.render;
    this.stats.drawCalls = info.calls;
    this.stats.triangles = info.triangles;
    this.frames.push(dt * 1000);
    if (this.frames.length > 90) this.frames.shift();
    const avg = this.frames.reduce((a, b) => a + b, 0) / this.frames.length;
    this.stats.frameMs = avg;
    this.stats.fps = avg > 0 ? 1000 / avg : 0;
    this.window.push(dt * 1000);
    this.govern(now);
  }

  /**
   * About every 1.5 s: fewer pixels when frames were slow (under 30 fps), more again when there
   * was headroom (over 42 fps). Decides on time, not frame counts, so it reacts as fast on
   * a slow machine as on a fast one.
   */
  private govern(now: number): void {
    if (this.governorAt === 0) this.governorAt = now;
    if (now - this.governorAt < 1500 || this.window.length < 8) return;
    const avgMs = this.window.reduce((a, b) => a + b, 0) / this.window.length;
    this.governorAt = now;
    this.window = [];
    if (!this.adaptive) return;
    const s = this.stats.scale;
    let next = s;
    if (avgMs > 1000 / 30 && s > this.minScale) next = Math.max(this.minScale, s - (avgMs > 1000 / 20 ? 0.2 : 0.1));
    else if (avgMs < 1000 / 42 && s < 1) next = Math.min(1, s + 0.1);
    if (next !== s) {
      this.stats.scale = Math.round(next * 100) / 100;
      this.resize();
    }
  }
}

/** Whether the WebGL context is rendered on the CPU. */
function isSoftwareGl(gl: WebGLRenderingContext | WebGL2RenderingContext): boolean {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  return /swiftshader|llvmpipe|software|basic render/i.test(name);
}
