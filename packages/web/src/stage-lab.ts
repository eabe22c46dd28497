/**
 * Stage lab: the stage alone, fed with fixture events — for development, screenshots and the browser
 * tests. `?bare` hides the control panel; `?lang=en` starts in English; `?avatar=URL` loads a VRM;
 * `?ratio=R` pins the render pixel ratio (screenshots).
 * Tests drive it through `window.lab`.
 */
import { GESTURES, type EmotionTag, type Gesture } from '@snowstage/protocol';
import { mountStage, type Stage } from './stage/index.js';
import { danceEvent, expressionEvent, gestureEvent, hostModeEvent, speechEvent, type SpeechOptions } from './stage/testing/fixtures.js';

const q = new URLSearchParams(location.search);
if (q.has('bare')) document.body.classList.add('bare');
let lang: 'zh' | 'en' = q.get('lang') === 'en' ? 'en' : 'zh';
/** The lab's room clock; `lab.freeze(t)` holds it (with sound off) to photograph an exact moment. */
let frozenAt: number | null = null;
const roomClock = () => frozenAt ?? Date.now();

const stage: Stage = await mountStage(document.getElementById('stage')!, {
  lang,
  roomClock,
  ...(q.get('avatar') ? { avatarUrl: q.get('avatar')! } : {}),
  ...(Number(q.get('ratio')) > 0 ? { pixelRatio: Number(q.get('ratio')) } : {}),
});

/** Everything a test or a developer needs; times are room-clock ms (Date.now() here). */
const lab = {
  stage,
  now: roomClock,
  speak(o: Partial<SpeechOptions> = {}) {
    const e = speechEvent({ startAt: roomClock() + 300, lang, ...o });
    stage.play(e);
    return e;
  },
  gesture(name: Gesture, delayMs = 100) {
    const e = gestureEvent(name, roomClock() + delayMs);
    stage.play(e);
    return e;
  },
  express(emotion: EmotionTag, durationMs = 4000, delayMs = 0) {
    const e = expressionEvent(emotion, roomClock() + delayMs, durationMs);
    stage.play(e);
    return e;
  },
  dance(o: { bpm?: number; bars?: number; delayMs?: number } = {}) {
    const e = danceEvent({ startAt: roomClock() + (o.delayMs ?? 300), ...o });
    stage.play(e);
    return e;
  },
  pause() {
    stage.play(hostModeEvent('paused'));
  },
  /** Holds the show at room time `t` (null resumes). Only meaningful while audio is locked. */
  freeze(t: number | null) {
    frozenAt = t;
  },
  /** Loads a file that is not a model, to show the message and the fallback. */
  async broken() {
    await stage.loadAvatar(new File([new TextEncoder().encode('this is not a VRM model')], 'broken.vrm'));
  },
};
(window as unknown as { lab: typeof lab }).lab = lab;

const panel = document.getElementById('panel')!;
const button = (text: string, run: () => unknown) => {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', () => void run());
  panel.append(b);
};
const sep = () => panel.append(Object.assign(document.createElement('span'), { className: 'sep' }));
button('🔊', () => stage.unlockAudio());
button('说话 speak', () => lab.speak({ emotion: { name: 'happy', intensity: 0.7 }, gestures: [{ name: 'wave', atMs: 200 }] }));
button('speak (loudness)', () => lab.speak({ withoutVisemes: true }));
button('跳舞 dance', () => lab.dance());
button('pause', () => lab.pause());
sep();
for (const g of GESTURES) button(g, () => lab.gesture(g));
sep();
for (const name of ['happy', 'excited', 'calm', 'sad', 'surprised', 'angry', 'neutral'] as const) button(name, () => lab.express({ name, intensity: 1 }));
sep();
button('中/EN', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  stage.setLang(lang);
});
button('broken file', () => lab.broken());
const file = Object.assign(document.createElement('input'), { type: 'file', accept: '.vrm,.glb,.gltf' });
file.addEventListener('change', () => file.files?.[0] && void stage.loadAvatar(file.files[0]));
const label = document.createElement('label');
label.append('VRM… ', file);
file.style.display = 'none';
panel.append(label);
