import type { WalkInput } from './walker.js';

const TAP_PX = 8;

/**
 * The fan's hands: keyboard (WASD strafes, arrows and Q/E turn, Shift runs), mouse (drag to look,
 * click the floor to walk there) and touch (drag as a joystick: up/down walks, left/right turns;
 * tap to walk there). Typing in a form never moves the fan.
 */
export class Controls {
  private readonly keys = new Set<string>();
  private look = 0;
  private drag: { id: number; x: number; y: number; x0: number; y0: number; touch: boolean; moved: boolean } | null = null;
  private stick = { forward: 0, turn: 0 };
  enabled = true;

  constructor(
    surface: HTMLElement,
    private readonly onTap: (clientX: number, clientY: number) => void,
  ) {
    window.addEventListener('keydown', (e) => {
      if (isTyping(e.target)) return;
      const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (MOVE_KEYS.has(k)) {
        this.keys.add(k);
        e.preventDefault();
      }
    });
    window.addEventListener('keyup', (e) => this.keys.delete(e.key.length === 1 ? e.key.toLowerCase() : e.key));
    window.addEventListener('blur', () => this.keys.clear());
    surface.addEventListener('pointerdown', (e) => {
      if (this.drag) return;
      surface.setPointerCapture(e.pointerId);
      this.drag = { id: e.pointerId, x: e.clientX, y: e.clientY, x0: e.clientX, y0: e.clientY, touch: e.pointerType === 'touch', moved: false };
    });
    surface.addEventListener('pointermove', (e) => {
      const d = this.drag;
      if (!d || d.id !== e.pointerId) return;
      if (Math.hypot(e.clientX - d.x0, e.clientY - d.y0) > TAP_PX) d.moved = true;
      if (d.touch) {
        // A virtual joystick around where the finger went down.
        this.stick.forward = clamp(-(e.clientY - d.y0) / 70);
        this.stick.turn = clamp(-(e.clientX - d.x0) / 90);
      } else {
        this.look += -(e.clientX - d.x) * 0.0055;
      }
      d.x = e.clientX;
      d.y = e.clientY;
    });
    const end = (e: PointerEvent) => {
      const d = this.drag;
      if (!d || d.id !== e.pointerId) return;
      this.drag = null;
      this.stick = { forward: 0, turn: 0 };
      if (!d.moved && e.type === 'pointerup') this.onTap(e.clientX, e.clientY);
    };
    surface.addEventListener('pointerup', end);
    surface.addEventListener('pointercancel', end);
  }

  /** What to do this frame; the look (mouse drag) is consumed. */
  read(): WalkInput & { look: number } {
    const k = this.keys;
    const on = (...names: string[]) => names.some((n) => k.has(n));
    const look = this.look;
    this.look = 0;
    if (!this.enabled) return { forward: 0, strafe: 0, turn: 0, run: false, look: 0 };
    const forward = (on('w', 'ArrowUp') ? 1 : 0) - (on('s', 'ArrowDown') ? 1 : 0) + this.stick.forward;
    const strafe = (on('d') ? 1 : 0) - (on('a') ? 1 : 0);
    const turn = (on('ArrowLeft', 'q') ? 1 : 0) - (on('ArrowRight', 'e') ? 1 : 0) + this.stick.turn;
    return { forward: clamp(forward), strafe, turn: clamp(turn), run: on('Shift'), look };
  }
}

const MOVE_KEYS = new Set(['w', 'a', 's', 'd', 'q', 'e', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Shift']);

function clamp(v: number): number {
  return Math.max(-1, Math.min(1, Math.abs(v) < 0.12 ? 0 : v));
}

function isTyping(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}
