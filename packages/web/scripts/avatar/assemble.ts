import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { gloves, sleeves } from './arms.js';
import { hips, legs, torso } from './body.js';
import { faceGeometry, MORPH_NAMES } from './face.js';
import { Part } from './geom.js';
import { hairCap, hairLocks } from './hair.js';
import { headSkin, neckAndEars } from './head.js';
import { FrontProjector } from './projector.js';
import { scarf } from './scarf.js';
import { bone, buildSkeleton } from './skeleton.js';

export interface Avatar {
  scene: THREE.Group;
  morphNames: readonly string[];
  stats: { bodyTriangles: number; faceTriangles: number; bones: number };
}

/** Builds Dong Dong as a three.js scene: one outlined body mesh and one face mesh with morphs. */
export function buildAvatar(): Avatar {
  const { root, bones, skeleton } = buildSkeleton();
  const head = headSkin();
  // Parts are merged roughly front to back: the mesh is drawn in this order, and drawing what is in
  // front first lets the depth test skip the hidden pixels behind it (fill-bound software WebGL).
  const front = new Part();
  scarf(front);
  gloves(front);
  hairLocks(front);
  const back = new Part();
  hairCap(back);
  sleeves(back);
  torso(back);
  neckAndEars(back);
  hips(back);
  legs(back);
  const headGeo = head.geometry();
  const bodyGeo = mergeGeometries([front.geometry(), headGeo, back.geometry()]);
  const faceGeo = faceGeometry(new FrontProjector(headGeo), bone('head'));

  const group = new THREE.Group();
  group.name = 'DongDong';
  group.add(root);
  const bodyMat = new THREE.MeshStandardMaterial({ name: 'Body', vertexColors: true });
  const faceMat = new THREE.MeshStandardMaterial({ name: 'Face', vertexColors: true });
  const body = new THREE.SkinnedMesh(bodyGeo, bodyMat);
  body.name = 'Body';
  const face = new THREE.SkinnedMesh(faceGeo, faceMat);
  face.name = 'Face';
  face.morphTargetInfluences = MORPH_NAMES.map(() => 0);
  face.morphTargetDictionary = Object.fromEntries(MORPH_NAMES.map((n, i) => [n, i]));
  for (const m of [body, face]) {
    group.add(m);
    m.bind(skeleton, new THREE.Matrix4());
  }
  group.updateMatrixWorld(true);
  const tris = (g: THREE.BufferGeometry) => g.getIndex()!.count / 3;
  return { scene: group, morphNames: MORPH_NAMES, stats: { bodyTriangles: tris(bodyGeo), faceTriangles: tris(faceGeo), bones: bones.length } };
}
