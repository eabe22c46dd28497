import * as THREE from 'three';
import type { Lang } from '@snowstage/protocol';
import type { PublicShowcase } from '../api-client.js';
import { Atlas } from './atlas.js';
import { buildBooth, type BoothMesh } from './booth-mesh.js';
import { buildEnvironment, FOG_COLOR, type EnvironmentMesh } from './environment.js';
import { FAN_STYLE, Figure } from './figure.js';
import { Guide } from './guide.js';
import { layoutHall, type HallLayout } from './layout.js';
import { solidMaterial } from './mesh-builder.js';
import { Snowfall } from './snowfall.js';
import { buildTimeline, type TimelineMesh } from './timeline-mesh.js';

export interface LoadProgress {
  done: number;
  total: number;
  /** What is being built now (for the progress bar's label). */
  step: 'hall' | 'booth' | 'timeline' | 'guide' | 'ready';
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * The exhibition hall: the scene generated from the showcase content. Built progressively — the
 * ground, sky and gate first, then one booth per frame (its pictures decoded in the background),
 * then the timeline and the guide's avatar — so the page shows something at once and a progress
 * bar moves. Materials: one shared vertex-colour material for all solid geometry, one per atlas page.
 */
export class Hall {
  readonly scene = new THREE.Scene();
  readonly layout: HallLayout;
  readonly atlas = new Atlas();
  readonly solid = solidMaterial();
  readonly guide: Guide;
  readonly fan: Figure;
  readonly snow: Snowfall;
  private env: EnvironmentMesh | null = null;
  private readonly booths: BoothMesh[] = [];
  private timeline: TimelineMesh | null = null;
  /** Triangles of the static hall (walls, signs, décor). */
  triangles = 0;
  ready = false;

  constructor(
    private readonly content: PublicShowcase,
    private lang: Lang,
  ) {
    this.layout = layoutHall(content.booths, content.timeline.milestones.length);
    // No scene fog (a per-pixel cost in software WebGL): distant mountains carry their haze in their colours.
    this.scene.background = new THREE.Color(FOG_COLOR);
    this.guide = new Guide(this.solid);
    this.fan = new Figure(FAN_STYLE, this.solid);
    // A touch smaller than the guide: she is the host, the fan is a visitor.
    this.fan.root.scale.setScalar(0.88);
    this.snow = new Snowfall();
    this.scene.add(this.guide.root, this.fan.root, this.snow.points);
  }

  /** Builds everything; `onProgress` after each step. Resolves when booths and timeline stand. */
  async build(onProgress: (p: LoadProgress) => void, signal?: AbortSignal): Promise<void> {
    const total = this.content.booths.length + 3;
    let done = 0;
    const step = (s: LoadProgress['step']) => onProgress({ done: ++done, total, step: s });
    onProgress({ done, total, step: 'hall' });
    this.env = buildEnvironment(this.layout, this.content.title, this.content.booths, this.atlas, this.lang, this.solid);
    this.scene.add(this.env.group);
    this.triangles += this.env.triangles;
    this.atlas.flush();
    step('hall');
    await nextFrame();
    const pictures: Promise<void>[] = [];
    for (const [i, booth] of this.content.booths.entries()) {
      if (signal?.aborted) return;
      const mesh = buildBooth(booth, this.layout.booths[i]!, this.atlas, this.lang, this.solid);
      this.booths.push(mesh);
      this.scene.add(mesh.group);
      this.triangles += mesh.triangles;
      pictures.push(mesh.loadPictures());
      // Uploading the atlas is the costliest part of loading in software GL: once half-way, once at the end.
      if (i === Math.floor(this.content.booths.length / 2)) this.atlas.flush();
      step('booth');
      await nextFrame();
    }
    this.timeline = buildTimeline(this.content.timeline, this.layout, this.atlas, this.lang, this.solid);
    this.scene.add(this.timeline.group);
    this.triangles += this.timeline.triangles;
    await Promise.all(pictures);
    this.atlas.flush();
    step('timeline');
    this.ready = true;
    // The avatar can take a while (a few MB to parse): the hall is usable meanwhile.
    void this.guide.loadAvatar(signal).then(() => step('ready'));
  }

  /** Repaints every sign in the other language. */
  setLang(lang: Lang): void {
    this.lang = lang;
    this.env?.setLang(lang);
    for (const b of this.booths) b.setLang(lang);
    this.timeline?.setLang(lang);
    this.atlas.flush();
  }

  /** Per frame: the monument turns, snow falls around the camera. */
  update(time: number, camera: THREE.Camera): void {
    if (this.env) this.env.monument.rotation.y = time * 0.25;
    this.snow.update(time, camera.position);
  }
}
