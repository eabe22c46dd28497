import * as THREE from 'three';
import type { VRM, VRMHumanBoneName } from '@pixiv/three-vrm';
import { EXPRESSIONS, HUMAN_BONES, Performer } from '@snowstage/motion';
import type { RoomEvent } from '@snowstage/protocol';
import { AvatarError, DEFAULT_AVATAR_URL, disposeVrm, loadVrm } from './avatar.js';
import { StageAudio } from './audio.js';
import { CameraRig, type ShotName } from './camera-rig.js';
import { FrameMeter } from './frame-meter.js';
import { Overlay } from './overlay.js';
import { PoseApplier } from './pose.js';
import { isSoftwareRenderer, ResolutionGovernor } from './quality.js';
import { BackdropLayer } from './backdrop.js';
import { createLights } from './set.js';
import { ShowPlayer } from './show.js';
import { Snow } from './snow.js';
import { STRINGS, type Lang } from './strings.js';

export interface StageOptions {
  lang: Lang;
  /** A VRM to show instead of the default avatar (falls back to the default if it cannot be used). */
  avatarUrl?: string;
  /** Server epoch ms now (the page keeps the clock offset). */
  roomClock: () => number;
  /** Largest device-pixel ratio to render at. @default 1.5 */
  maxPixelRatio?: number;
  /** A fixed render pixel ratio (screenshots, benchmarks); by default it adapts to the frame rate. */
  pixelRatio?: number;
}

export interface StageDebug {
  expressions: Record<string, number>;
  /** World positions of the avatar's humanoid bones. */
  bones: Record<string, [number, number, number]>;
  drawCalls: number;
  triangles: number;
  fps: number;
  activity: string;
  /** Where those bones are on screen: CSS pixels from the stage's top-left corner. */
  screen: Record<string, [number, number]>;
  /** Extra facts for tests and benchmarks. */
  shot: ShotName;
  pixelRatio: number;
  audioUnlocked: boolean;
  avatar: string;
}

export interface Stage {
  /** Acts on speech, gesture, expression, dance and hostMode events; ignores other kinds. */
  play(event: RoomEvent): void;
  /** Call from a user gesture (autoplay rules); the stage shows its own tap prompt until then. */
  unlockAudio(): Promise<void>;
  /** A bad file shows a message and falls back to the default avatar; never throws. */
  loadAvatar(source: string | File): Promise<void>;
  setLang(lang: Lang): void;
  debug(): StageDebug;
  dispose(): void;
}

const SHOT_HOLD_MS = 1200;
const SHOT_OF: Record<string, ShotName> = { dancing: 'full', gesturing: 'gesture', speaking: 'close', idle: 'gesture' };

/**
 * Mounts the 3D stage (set, snow, avatar, camera, sound) into `container` and starts rendering.
 * Use when: a page shows the host. Expects: a sized container (the stage fills it and follows its size).
 * Returns: the Stage handle; call dispose() when the page leaves.
 */
export async function mountStage(container: HTMLElement, opts: StageOptions): Promise<Stage> {
  const root = document.createElement('div');
  root.className = 'ss-stage';
  root.style.width = '100%';
  root.style.height = '100%';
  container.append(root);
  let lang = opts.lang;
  const audio = new StageAudio(opts.roomClock);
  const overlay = new Overlay(root, lang, () => void unlockAudio());

  let renderer: THREE.WebGLRenderer;
  let backdrop: BackdropLayer;
  const software = isSoftwareRenderer();
  try {
    backdrop = new BackdropLayer(!software);
    renderer = new THREE.WebGLRenderer({ antialias: !software, alpha: true, powerPreference: 'high-performance' });
  } catch {
    overlay.setLoading(false);
    overlay.say((l) => STRINGS[l].noWebgl, 0);
    return inertStage(root, overlay, audio, (l) => (lang = l));
  }
  const maxRatio = opts.pixelRatio ?? Math.min(window.devicePixelRatio || 1, opts.maxPixelRatio ?? 1.5);
  const governor = new ResolutionGovernor(maxRatio, opts.pixelRatio ?? Math.min(maxRatio, software ? 0.6 : 0.75));
  renderer.setPixelRatio(governor.ratio);
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  renderer.setClearColor(0x000000, 0);
  renderer.info.autoReset = true;
  // Two stacked canvases: the set behind (redrawn when the camera moves), the avatar and snow in front.
  for (const [i, canvas] of [backdrop.renderer.domElement, renderer.domElement].entries()) {
    canvas.style.cssText = `position:absolute;inset:0;width:100%;height:100%;z-index:${i}`;
    canvas.addEventListener('webglcontextlost', (e) => e.preventDefault());
  }
  root.prepend(backdrop.renderer.domElement, renderer.domElement);

  const scene = new THREE.Scene();
  scene.add(...createLights());
  const snow = new Snow(root.clientWidth < 500 ? 350 : 700);
  scene.add(snow.points);
  const rig = new CameraRig(1);
  const meter = new FrameMeter();

  const epoch = opts.roomClock();
  const performer = new Performer({ seed: 1 });
  const show = new ShowPlayer(performer, audio, epoch, {
    onDance: (title, endsAt) => {
      danceChipUntil = title ? endsAt : 0;
      overlay.setChip(title ? (l) => STRINGS[l].nowDancing(title[l]) : null);
    },
  });
  let danceChipUntil = 0;

  let vrm: VRM | null = null;
  let applier: PoseApplier | null = null;
  let avatarName = '';
  let loadToken = 0;

  const put = (next: VRM, name: string) => {
    if (vrm) disposeVrm(vrm);
    vrm = next;
    avatarName = name;
    applier = new PoseApplier(next);
    scene.add(next.scene);
    next.scene.updateMatrixWorld(true);
    const head = next.humanoid.getNormalizedBoneNode('head')?.getWorldPosition(new THREE.Vector3());
    rig.scale = head && head.y > 0.3 ? head.y / 1.33 : 1;
    overlay.setLoading(false);
  };

  async function loadAvatar(source: string | File): Promise<void> {
    const token = ++loadToken;
    const name = typeof source === 'string' ? source : source.name;
    try {
      const next = await loadVrm(source);
      if (token !== loadToken) return disposeVrm(next);
      put(next, name);
    } catch (e) {
      const problem = e instanceof AvatarError ? e.problem : 'notModel';
      console.warn(e instanceof Error ? e.message : `[stage] avatar: ${String(e)}`);
      overlay.say((l) => STRINGS[l].badAvatar(STRINGS[l].reasons[problem]), 10_000);
      if (token !== loadToken) return;
      if (avatarName !== DEFAULT_AVATAR_URL) {
        try {
          const fallback = await loadVrm(DEFAULT_AVATAR_URL);
          if (token === loadToken) put(fallback, DEFAULT_AVATAR_URL);
          else disposeVrm(fallback);
        } catch (e2) {
          console.warn(`[stage] default avatar failed too: ${String(e2)}`);
          overlay.setLoading(false);
        }
      }
    }
  }

  async function unlockAudio(): Promise<void> {
    try {
      await audio.unlock();
    } catch (e) {
      console.warn(`[stage] audio unlock failed: ${String(e)}`);
    }
    overlay.showTap(!audio.unlocked);
  }
  overlay.showTap(!audio.unlocked && audio.ctx !== null);
  root.addEventListener('pointerdown', () => {
    if (!audio.unlocked) void unlockAudio();
  });

  const resize = () => {
    const w = Math.max(1, root.clientWidth), h = Math.max(1, root.clientHeight);
    renderer.setSize(w, h, false);
    backdrop.setSize(w, h, renderer.getPixelRatio());
    aspect = w / h;
  };
  let aspect = 1;
  const ro = new ResizeObserver(resize);
  ro.observe(root);
  resize();

  let shot: ShotName = 'gesture';
  let shotSince = -Infinity;
  let activity = 'idle';
  let last = performance.now();
  let raf = 0;
  let disposed = false;
  const frame = () => {
    if (disposed) return;
    raf = requestAnimationFrame(frame);
    const nowPerf = performance.now();
    const dt = Math.min(0.1, (nowPerf - last) / 1000);
    last = nowPerf;
    const room = audio.now();
    const t = show.t(room);
    show.tick(room);
    if (danceChipUntil && room > danceChipUntil) {
      danceChipUntil = 0;
      overlay.setChip(null);
    }
    activity = performer.activity(t);
    const wanted = SHOT_OF[activity] ?? 'gesture';
    if (wanted !== shot && nowPerf - shotSince > SHOT_HOLD_MS) {
      shot = wanted;
      shotSince = nowPerf;
      rig.setShot(shot);
    }
    rig.update(dt, t / 1000, aspect);
    if (vrm && applier) {
      applier.apply(performer.update(t), rig.camera);
      vrm.update(dt);
    }
    snow.update(t / 1000, renderer.domElement.height, rig.camera.fov);
    backdrop.render(rig.camera);
    renderer.render(scene, rig.camera);
    meter.tick(nowPerf);
    if (governor.frame(nowPerf)) {
      renderer.setPixelRatio(governor.ratio);
      resize();
    }
  };
  rig.setShot(shot, true);

  await loadAvatar(opts.avatarUrl ?? DEFAULT_AVATAR_URL);
  raf = requestAnimationFrame(frame);

  return {
    play: (event) => show.play(event),
    unlockAudio,
    loadAvatar,
    setLang(l) {
      lang = l;
      overlay.setLang(l);
    },
    debug(): StageDebug {
      const expressions: Record<string, number> = {};
      const em = vrm?.expressionManager;
      if (em) for (const e of EXPRESSIONS) expressions[e] = em.getValue(e) ?? 0;
      const bones: Record<string, [number, number, number]> = {};
      const screen: Record<string, [number, number]> = {};
      const p = new THREE.Vector3();
      const w = root.clientWidth, h = root.clientHeight;
      if (vrm) {
        for (const b of HUMAN_BONES) {
          const node = vrm.humanoid.getRawBoneNode(b as VRMHumanBoneName);
          if (node) {
            node.getWorldPosition(p);
            bones[b] = [p.x, p.y, p.z];
            p.project(rig.camera);
            screen[b] = [((p.x + 1) / 2) * w, ((1 - p.y) / 2) * h];
          }
        }
      }
      return {
        expressions,
        bones,
        screen,
        drawCalls: renderer.info.render.calls + backdrop.drawCalls,
        triangles: renderer.info.render.triangles + backdrop.triangles,
        fps: meter.fps,
        activity,
        shot,
        pixelRatio: renderer.getPixelRatio(),
        audioUnlocked: audio.unlocked,
        avatar: avatarName,
      };
    },
    dispose() {
      disposed = true;
      cancelAnimationFrame(raf);
      ro.disconnect();
      if (vrm) disposeVrm(vrm);
      snow.dispose();
      scene.traverse((o) => {
        const m = o as THREE.Mesh;
        if (m.isMesh) {
          m.geometry.dispose();
          (Array.isArray(m.material) ? m.material : [m.material]).forEach((x) => x.dispose());
        }
      });
      renderer.dispose();
      backdrop.dispose();
      audio.dispose();
      overlay.dispose();
      root.remove();
      void lang;
    },
  };
}

/** The stage without WebGL: keeps the API so the page works, and explains why there is no host. */
function inertStage(root: HTMLElement, overlay: Overlay, audio: StageAudio, onLang: (l: Lang) => void): Stage {
  return {
    play: () => {},
    unlockAudio: () => audio.unlock(),
    loadAvatar: async () => {},
    setLang: (l) => {
      onLang(l);
      overlay.setLang(l);
    },
    debug: () => ({ expressions: {}, bones: {}, screen: {}, drawCalls: 0, triangles: 0, fps: 0, activity: 'idle', shot: 'gesture', pixelRatio: 0, audioUnlocked: audio.unlocked, avatar: '' }),
    dispose: () => {
      audio.dispose();
      overlay.dispose();
      root.remove();
    },
  };
}
