import * as THREE from 'three';

/** A shot: the vertical band of the avatar to show (metres at rest height 1.6) and the width it needs. */
export interface Shot {
  centreY: number;
  height: number;
  width: number;
}

export const SHOTS = {
  /** Head and shoulders, for talking. */
  close: { centreY: 1.41, height: 0.52, width: 0.5 },
  /** Knees up, for gestures (hands at chest and above stay in frame). */
  gesture: { centreY: 1.12, height: 1.16, width: 0.95 },
  /** The whole body with room for dance moves. */
  full: { centreY: 0.88, height: 1.88, width: 1.45 },
} as const satisfies Record<string, Shot>;
export type ShotName = keyof typeof SHOTS;

/**
 * Frames the avatar and eases between shots (critically damped). Between moves the camera holds
 * still (the set behind her is only redrawn when it moves). Fits the shot's height and width to the
 * viewport's aspect (portrait phones too).
 * `scale` adapts the shots to models taller or shorter than Dong Dong.
 */
export class CameraRig {
  readonly camera: THREE.PerspectiveCamera;
  private cur: Shot = { ...SHOTS.gesture };
  private vel = { centreY: 0, height: 0, width: 0 };
  private target: Shot = SHOTS.gesture;
  scale = 1;

  constructor(aspect: number) {
    this.camera = new THREE.PerspectiveCamera(24, aspect, 0.1, 40);
  }

  setShot(name: ShotName, immediate = false): void {
    this.target = SHOTS[name];
    if (immediate) {
      this.cur = { ...this.target };
      this.vel = { centreY: 0, height: 0, width: 0 };
    }
  }

  update(dt: number, seconds: number, aspect: number): void {
    // A critically damped step towards the target for each shot parameter.
    for (const key of ['centreY', 'height', 'width'] as const) {
      const x = this.cur[key], goal = this.target[key];
      const omega = 3.0;
      const v = this.vel[key];
      const a = omega * omega * (goal - x) - 2 * omega * v;
      this.vel[key] = v + a * dt;
      this.cur[key] = x + this.vel[key] * dt;
      if (!Number.isFinite(this.cur[key])) this.cur[key] = goal;
    }
    const cam = this.camera;
    cam.aspect = aspect;
    const tan = Math.tan(THREE.MathUtils.degToRad(cam.fov / 2));
    const h = this.cur.height * this.scale, w = this.cur.width * this.scale;
    const dist = Math.max(h / 2 / tan, w / 2 / (tan * aspect));
    const cy = this.cur.centreY * this.scale;
    // A slightly high camera for wide shots, at eye level for close-ups.
    const lift = THREE.MathUtils.clamp((this.cur.height - 0.6) * 0.12, 0, 0.16) * this.scale;
    // Settle exactly once the move is over, so the camera (and the set's picture) stay still.
    const settled = (['centreY', 'height', 'width'] as const).every((k) => Math.abs(this.cur[k] - this.target[k]) < 1e-4 && Math.abs(this.vel[k]) < 1e-4);
    if (settled) {
      this.cur = { ...this.target };
      this.vel = { centreY: 0, height: 0, width: 0 };
    }
    cam.position.set(0, cy + lift, dist + 0.05);
    cam.lookAt(0, cy, 0);
    cam.updateProjectionMatrix();
    void seconds;
  }
}
