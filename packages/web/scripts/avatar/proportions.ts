import * as THREE from 'three';

/**
 * The head is modelled at natural size and then scaled up about the top of the neck: a slightly
 * larger head (and so larger eyes) is what makes the figure read as stylised and friendly.
 */
export const HEAD_PIVOT = new THREE.Vector3(0, 1.33, -0.005);
export const HEAD_SCALE = 1.2;

/** Maps a point of the natural-size head design to its place on the model (mutates and returns p). */
export function scaleHead(p: THREE.Vector3): THREE.Vector3 {
  return p.sub(HEAD_PIVOT).multiplyScalar(HEAD_SCALE).add(HEAD_PIVOT);
}
