import * as THREE from 'three';

const VERT = /* glsl */ `
uniform float uTime;
uniform vec3 uCenter;
uniform float uSize;
attribute vec4 seed;
varying float vAlpha;
const float BOX = 48.0;
const float HEIGHT = 16.0;
void main() {
  // Each flake falls and drifts inside a box that wraps round the camera.
  float t = uTime * (0.6 + seed.w * 0.7);
  vec3 p = vec3(seed.x * BOX, seed.y * HEIGHT, seed.z * BOX);
  p.y = mod(p.y - t, HEIGHT);
  p.x += sin(t * 0.7 + seed.w * 20.0) * 0.6;
  p.x = mod(p.x - uCenter.x + BOX * 0.5, BOX) + uCenter.x - BOX * 0.5;
  p.z = mod(p.z - uCenter.z + BOX * 0.5, BOX) + uCenter.z - BOX * 0.5;
  vec4 mv = modelViewMatrix * vec4(p, 1.0);
  gl_Position = projectionMatrix * mv;
  gl_PointSize = min(6.0, uSize * (0.6 + seed.w) / -mv.z);
  vAlpha = clamp(1.0 - (-mv.z) / BOX, 0.0, 1.0) * 0.9;
}`;

const FRAG = /* glsl */ `
varying float vAlpha;
void main() {
  vec2 d = gl_PointCoord - 0.5;
  float r = dot(d, d);
  if (r > 0.25) discard;
  gl_FragColor = vec4(1.0, 1.0, 1.0, vAlpha * (1.0 - r * 3.0));
}`;

/**
 * Falling snow: a few thousand points animated entirely in the vertex shader (one draw call, no
 * per-frame uploads), wrapped in a box that follows the camera.
 */
export class Snowfall {
  readonly points: THREE.Points;
  private readonly material: THREE.ShaderMaterial;

  constructor(count = 1800, pixelRatio = 1) {
    const seeds = new Float32Array(count * 4);
    let s = 7;
    const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < seeds.length; i++) seeds[i] = rand();
    const g = new THREE.BufferGeometry();
    g.setAttribute('seed', new THREE.BufferAttribute(seeds, 4));
    // Positions are made in the shader; three still wants a position attribute to count vertices.
    g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(count * 3), 3));
    this.material = new THREE.ShaderMaterial({
      vertexShader: VERT,
      fragmentShader: FRAG,
      uniforms: { uTime: { value: 0 }, uCenter: { value: new THREE.Vector3() }, uSize: { value: 34 * pixelRatio } },
      transparent: true,
      depthWrite: false,
    });
    this.points = new THREE.Points(g, this.material);
    this.points.frustumCulled = false;
    this.points.name = 'snowfall';
    this.points.renderOrder = 10;
  }

  update(time: number, center: THREE.Vector3): void {
    this.material.uniforms.uTime!.value = time;
    (this.material.uniforms.uCenter!.value as THREE.Vector3).copy(center);
  }
}
