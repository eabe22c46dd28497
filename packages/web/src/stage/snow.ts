import * as THREE from 'three';

const VERT = /* glsl */ `
uniform float uTime;
uniform float uScale;
attribute vec4 seed;
varying float vAlpha;
void main() {
  float h = 4.2;
  vec3 p = position;
  p.y = mod(p.y - uTime * (0.18 + 0.22 * seed.x), h) - 0.3;
  p.x += sin(uTime * (0.4 + seed.y) + seed.z * 6.283) * 0.18;
  p.z += cos(uTime * (0.3 + seed.x) + seed.y * 6.283) * 0.12;
  vec4 mv = modelViewMatrix * vec4(p, 1.0);
  gl_Position = projectionMatrix * mv;
  gl_PointSize = clamp(uScale * (0.012 + 0.02 * seed.w) / -mv.z, 1.0, 28.0);
  vAlpha = 0.55 + 0.45 * seed.w;
}`;

const FRAG = /* glsl */ `
varying float vAlpha;
void main() {
  vec2 d = gl_PointCoord - 0.5;
  float a = smoothstep(0.5, 0.1, length(d)) * vAlpha;
  if (a < 0.02) discard;
  gl_FragColor = vec4(1.0, 1.0, 1.0, a);
}`;

/**
 * Falling snow: one Points draw call; the motion is computed in the vertex shader from a time
 * uniform, so the CPU does nothing per flake. `count` is scaled down on small screens.
 */
export class Snow {
  readonly points: THREE.Points;
  private readonly material: THREE.ShaderMaterial;

  constructor(count = 700, seed = 7) {
    let s = seed;
    const rnd = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
    const pos = new Float32Array(count * 3), seeds = new Float32Array(count * 4);
    for (let i = 0; i < count; i++) {
      const front = i % 6 === 0;
      pos.set([(rnd() - 0.5) * (front ? 2.4 : 7), rnd() * 4.2, front ? 0.4 + rnd() * 1.4 : -3 + rnd() * 3.2], i * 3);
      seeds.set([rnd(), rnd(), rnd(), front ? 0.6 + 0.4 * rnd() : rnd() * 0.7], i * 4);
    }
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
    g.setAttribute('seed', new THREE.BufferAttribute(seeds, 4));
    this.material = new THREE.ShaderMaterial({
      vertexShader: VERT,
      fragmentShader: FRAG,
      uniforms: { uTime: { value: 0 }, uScale: { value: 600 } },
      transparent: true,
      depthWrite: false,
    });
    this.points = new THREE.Points(g, this.material);
    this.points.frustumCulled = false;
    this.points.name = 'snow';
    this.points.renderOrder = 10;
  }

  /** Seconds of show time; `viewportHeight` in device pixels keeps flakes the same size on any screen. */
  update(seconds: number, viewportHeight: number, fovDeg: number): void {
    this.material.uniforms.uTime!.value = seconds % 3600;
    this.material.uniforms.uScale!.value = viewportHeight / (2 * Math.tan((fovDeg * Math.PI) / 360));
  }

  dispose(): void {
    this.points.geometry.dispose();
    this.material.dispose();
  }
}
