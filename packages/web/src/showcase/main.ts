import * as THREE from 'three';
import type { Lang, Passport, PublicBooth, SpeechEvent } from '@snowstage/protocol';
import { pick } from '@snowstage/protocol';
import { h, toast } from '../shared/dom.js';
import { ApiError } from '../shared/api.js';
import { initialLang, saveLang } from '../shared/i18n.js';
import { ShowcaseApi, type Granted, type PublicShowcase } from './api-client.js';
import { Controls } from './controls.js';
import { GuideTrack, guideHome } from './guide-track.js';
import { Hall, type LoadProgress } from './hall/hall.js';
import { focusAt, type Focus } from './hall/proximity.js';
import { yawTowards } from './hall/layout.js';
import { st } from './strings.js';
import { TourAudio, TourLink } from './tour.js';
import { FocusCard } from './ui/focus-card.js';
import { Minimap, type MapTarget } from './ui/minimap.js';
import { PassportPanel } from './ui/passport-panel.js';
import { QuizDialog } from './ui/quiz-dialog.js';
import { View } from './view.js';
import { useSrgbThroughout } from './colour.js';
import { icon } from './ui/icons.js';
import { routeToBooth, routeToPoint, routeToTourSpot, Walker } from './walker.js';
import '../shared/base.css';
import './showcase.css';

/** The Cloud Showcase page (`/showcase`): a 3D hall of partner booths, quests, tickets and lucky draws. */
useSrgbThroughout();
let lang: Lang = initialLang();
saveLang(lang);
const api = new ShowcaseApi(() => lang);
const app = document.getElementById('app')!;

const canvas = h('canvas', { class: 'hall-canvas', 'data-testid': 'hall' });
const titleEl = h('h1', { class: 'sc-title' }, '');
const ticketsEl = h('span', { class: 'tickets-n', 'data-testid': 'tickets' }, '–');
const passportButton = h('button', { class: 'btn btn-passport', 'data-testid': 'open-passport', onclick: () => void passportPanel?.open() }, icon('ticket'), ticketsEl, h('span', { class: 'btn-label' }, ''));
const tourButton = h('button', { class: 'btn btn-ghost btn-tour', 'data-testid': 'start-tour', onclick: () => void startTour() }, '');
const langButton = h('button', { class: 'btn btn-ghost', 'data-testid': 'lang-switch', onclick: () => setLang(lang === 'zh' ? 'en' : 'zh') }, '');
const loaderBar = h('div', { class: 'loader-bar-fill' });
const loaderLabel = h('div', { class: 'loader-label' }, st(lang, 'loading'));
const loader = h('div', { class: 'loader', 'data-testid': 'loader' }, h('div', { class: 'loader-flake' }, '❄'), loaderLabel, h('div', { class: 'loader-bar', role: 'progressbar' }, loaderBar));
const hint = h('div', { class: 'hint', hidden: true }, '');
const caption = h('div', { class: 'tour-caption', hidden: true, 'data-testid': 'caption' });
const tapButton = h('button', { class: 'btn tap-to-hear', hidden: true, 'data-testid': 'tap-to-hear', onclick: () => void audio.unlock() }, '');
const tourChip = h('div', { class: 'tour-chip', hidden: true, 'data-testid': 'tour-chip' });
const followButton = h('button', { class: 'btn btn-small', onclick: () => followGuide() }, '');
const overlay = h('div', { class: 'hall-ui' });
app.replaceChildren(
  h(
    'div',
    { class: 'showcase' },
    canvas,
    h('header', { class: 'sc-topbar' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '❄'), titleEl, h('span', { class: 'spacer' }), tourButton, passportButton, langButton),
    overlay,
    loader,
  ),
);
overlay.append(tourChip, caption, tapButton, hint);

let passport: Passport | null = null;
let passportPanel: PassportPanel | null = null;
let following = false;
let tourOn = false;
/** The guide's recent lines; the caption shows the one playing now. */
const speeches: SpeechEvent[] = [];
const loadStarted = performance.now();
let loadMs: number | null = null;

const tour = new TourLink(lang, {
  onStop: (s) => onTourStop(s.boothId, s.startAt, s.index, s.of),
  onSpeech: (e) => onSpeech(e),
  onMode: (mode, at) => {
    tourOn = mode === 'tour';
    if (!tourOn && ctx) {
      ctx.track.walkTo(guideHome(ctx.hall.layout), guideHome(ctx.hall.layout).yaw, Math.max(at, tour.now()));
      tourChip.hidden = true;
      following = false;
    }
    renderTexts();
  },
});
const audio = new TourAudio(() => tour.now());
// The first gesture anywhere unlocks sound (browsers require one).
for (const ev of ['pointerdown', 'keydown'] as const) window.addEventListener(ev, () => void audio.unlock(), { passive: true });

interface Ctx {
  content: PublicShowcase;
  hall: Hall;
  view: View;
  walker: Walker;
  track: GuideTrack;
  controls: Controls;
  card: FocusCard;
  minimap: Minimap;
  quiz: QuizDialog;
  marker: THREE.Mesh;
}
let ctx: Ctx | null = null;
let focus: Focus = { boothId: null, exhibit: null, milestone: null };
const visitedNow = new Set<string>();

renderTexts();
void boot();

async function boot(): Promise<void> {
  let content: PublicShowcase;
  try {
    content = await api.showcase();
  } catch (e) {
    fail(st(lang, 'loadFailed'), e);
    return;
  }
  let hall: Hall;
  let view: View;
  try {
    hall = new Hall(content, lang);
    view = new View(canvas, hall);
  } catch (e) {
    fail(st(lang, 'noWebgl'), e);
    return;
  }
  const walker = new Walker(hall.layout);
  const track = new GuideTrack(hall.layout);
  const controls = new Controls(canvas, (x, y) => {
    const p = view.floorAt(x, y);
    if (p) travelTo({ kind: 'point', point: p });
  });
  const quiz = new QuizDialog(lang, (boothId, choice) => api.quiz(boothId, choice), (r) => {
    if (r) {
      setPassport(r.passport);
      announce(r.granted);
    } else void refreshPassport();
  });
  const card = new FocusCard(lang, content.booths, content.timeline, (b: PublicBooth) => quiz.open(b));
  const minimap = new Minimap(lang, hall.layout, content.booths, (t) => travelTo(t));
  passportPanel = new PassportPanel(lang, {
    api,
    booths: content.booths,
    quests: content.quests,
    now: () => tour.now(),
    onPassport: (p) => setPassport(p),
    onGranted: (g) => announce(g),
  });
  const marker = new THREE.Mesh(new THREE.RingGeometry(0.35, 0.55, 24).rotateX(-Math.PI / 2), new THREE.MeshBasicMaterial({ color: 0xf2c14e, transparent: true, opacity: 0.85, depthWrite: false }));
  marker.visible = false;
  hall.scene.add(marker);
  overlay.append(minimap.el, card.el);
  app.append(quiz.el, passportPanel.el);
  ctx = { content, hall, view, walker, track, controls, card, minimap, quiz, marker };
  renderTexts();
  view.snap(walker.pos, walker.yaw);
  requestAnimationFrame(loop);

  void (async () => {
    try {
      await api.viewerToken();
      tour.connect();
      setPassport(await api.passport());
    } catch (e) {
      console.warn('[showcase] passport unavailable', e);
    }
  })();

  try {
    await hall.build((p) => progress(p));
    loadMs = performance.now() - loadStarted;
    loader.classList.add('loader-done');
    setTimeout(() => (loader.hidden = true), 600);
    hint.hidden = false;
    setTimeout(() => (hint.hidden = true), 12_000);
  } catch (e) {
    fail(st(lang, 'loadFailed'), e);
  }
}

function progress(p: LoadProgress): void {
  // Once the ground and the gate stand, the loader steps aside and the booths rise behind it.
  if (p.done >= 1) loader.classList.add('loader-compact');
  loaderBar.style.width = `${Math.round((p.done / p.total) * 100)}%`;
  loaderLabel.textContent = st(lang, p.step === 'booth' ? 'loadingBooth' : p.step === 'timeline' ? 'loadingTimeline' : p.step === 'guide' ? 'loadingGuide' : 'loading');
  expose.progress = p.done / p.total;
}

function fail(message: string, e: unknown): void {
  console.error('[showcase]', e);
  loaderLabel.textContent = message;
  loader.classList.add('loader-failed');
}

let last = performance.now();
let frameNo = 0;
function loop(now: number): void {
  requestAnimationFrame(loop);
  const c = ctx!;
  const dt = Math.min(0.25, Math.max(0, (now - last) / 1000));
  last = now;
  frameNo++;
  const input = c.controls.read();
  if (input.forward || input.strafe) following = false;
  c.walker.yaw += input.look;
  c.walker.step(dt, input);
  const fan = c.hall.fan;
  fan.root.position.set(c.walker.pos.x, 0, c.walker.pos.z);
  fan.root.rotation.y = c.walker.yaw;
  fan.animate(dt, c.walker.speed);
  const roomNow = tour.now();
  const guidePose = c.track.at(roomNow);
  const speaking = speeches.find((e) => roomNow >= e.startAt && roomNow < e.startAt + e.audio.durationMs + 300) ?? null;
  const talking = !!speaking;
  if (speaking && caption.dataset.speech !== speaking.speechId) {
    caption.dataset.speech = speaking.speechId;
    caption.textContent = speaking.text;
    caption.lang = speaking.lang === 'zh' ? 'zh-CN' : 'en';
  }
  c.view.follow(c.walker.pos, c.walker.yaw, dt);
  c.hall.guide.update(dt, guidePose, talking, c.view.camera);
  c.hall.update(now / 1000, c.view.camera);
  const dest = c.walker.destination;
  c.marker.visible = !!dest && !following;
  if (dest) c.marker.position.set(dest.x, 0.05, dest.z);

  const f = focusAt(c.walker.pos, c.hall.layout);
  focus = f;
  c.card.show(f, passport);
  if (f.boothId && !visitedNow.has(f.boothId)) void visit(f.boothId);
  if (frameNo % 4 === 0) c.minimap.draw(c.walker.pos, c.walker.yaw, guidePose.pos);
  caption.hidden = !talking;
  tapButton.hidden = !audio.needsTap;

  c.view.render(now, dt);
  updateExpose(c);
}

async function visit(boothId: string): Promise<void> {
  visitedNow.add(boothId);
  try {
    const r = await api.visit(boothId);
    const fresh = !passport?.stamps.includes(boothId) && r.passport.stamps.includes(boothId);
    setPassport(r.passport);
    const booth = ctx?.content.booths.find((b) => b.id === boothId);
    if (fresh && booth) toast(`✓ ${st(lang, 'stampNew')}${pick(booth.partner, lang)}`);
    announce(r.granted);
  } catch (e) {
    // Try again on the next visit.
    visitedNow.delete(boothId);
    console.warn('[showcase] visit not recorded', e);
  }
}

function setPassport(p: Passport): void {
  const before = passport?.tickets;
  passport = p;
  ticketsEl.textContent = String(p.tickets);
  if (before !== undefined && p.tickets > before) {
    passportButton.classList.remove('bump');
    void passportButton.offsetWidth;
    passportButton.classList.add('bump');
  }
  ctx?.card.invalidate();
  ctx?.minimap.setStamps(p.stamps);
  passportPanel?.setPassport(p);
}

async function refreshPassport(): Promise<void> {
  try {
    setPassport(await api.passport());
  } catch {
    // Shown again on the next action.
  }
}

function announce(granted: Granted[]): void {
  for (const g of granted) {
    const q = ctx?.content.quests.find((x) => x.id === g.questId);
    toast(`★ ${st(lang, 'granted', { q: q ? pick(q.title, lang) : g.questId, n: g.tickets })}`, 'success');
  }
}

function travelTo(t: MapTarget): void {
  const c = ctx;
  if (!c) return;
  following = false;
  if (t.kind === 'booth') {
    const slot = c.hall.layout.booths.find((b) => b.id === t.boothId);
    if (!slot) return;
    const r = routeToBooth(c.walker.pos, slot, c.hall.layout);
    c.walker.travel(r.points, r.yaw);
  } else {
    // Walking up to an exhibit or a timeline panel ends facing it.
    const l = c.hall.layout;
    const f = focusAt(t.point, l);
    const target = f.exhibit ? l.booths.find((b) => b.id === f.exhibit!.boothId)?.plinths.find((p) => p.exhibitId === f.exhibit!.exhibitId)?.pos : f.milestone !== null ? l.rotunda.panels[f.milestone]?.pos : undefined;
    c.walker.travel(routeToPoint(c.walker.pos, t.point, l), target ? yawTowards(t.point, target) : null);
  }
}

function onTourStop(boothId: string, startAt: number, index: number, of: number): void {
  const c = ctx;
  if (!c) return;
  const slot = c.hall.layout.booths.find((b) => b.id === boothId);
  const booth = c.content.booths.find((b) => b.id === boothId);
  if (!slot || !booth) return;
  tourOn = true;
  c.track.walkTo(slot.stage, slot.stage.yaw, startAt);
  // Stops arrive ahead of time: the chip and the visitors who follow her move when she sets off.
  setTimeout(() => {
    if (!ctx) return;
    tourChip.hidden = false;
    tourChip.dataset.index = String(index);
    tourChip.replaceChildren(h('span', {}, icon('flag'), ` ${st(lang, 'tourStop', { i: index + 1, n: of })} · ${pick(booth.partner, lang)}`), followButton);
    if (following) {
      const r = routeToTourSpot(ctx.walker.pos, slot, ctx.hall.layout);
      ctx.walker.travel(r.points, r.yaw);
    }
    renderTexts();
  }, Math.max(0, startAt - tour.now()));
}

function followGuide(): void {
  following = true;
  const c = ctx;
  if (!c) return;
  // Walk to where the guide is heading now (or standing).
  const to = c.track.headingAt(tour.now());
  const slot = c.hall.layout.booths.find((b) => Math.hypot(b.stage.x - to.x, b.stage.z - to.z) < 0.5);
  if (slot) {
    const r = routeToTourSpot(c.walker.pos, slot, c.hall.layout);
    c.walker.travel(r.points, r.yaw);
  } else c.walker.travel(routeToPoint(c.walker.pos, { x: to.x, z: to.z + 2.5 }, c.hall.layout));
  renderTexts();
}

function onSpeech(e: SpeechEvent): void {
  speeches.push(e);
  if (speeches.length > 30) speeches.shift();
  if (e.audio.url) audio.play(e.speechId, e.audio.url, e.startAt, e.audio.durationMs);
}

async function startTour(): Promise<void> {
  try {
    const started = await api.startTour();
    toast(st(lang, started ? 'tourStarting' : 'tourBusy'));
    await audio.unlock();
    followGuide();
  } catch (e) {
    toast(e instanceof ApiError ? e.message : st(lang, 'offline'), 'error');
  }
}

function renderTexts(): void {
  const title = ctx ? pick(ctx.content.title, lang) : '';
  titleEl.textContent = title;
  document.title = `${title || st(lang, 'loading')} · Snowstage`;
  passportButton.querySelector('.btn-label')!.textContent = ` ${st(lang, 'passport')}`;
  tourButton.replaceChildren(icon('flag'), ` ${st(lang, 'tour')}`);
  langButton.textContent = st(lang, 'lang');
  tapButton.replaceChildren(icon('speaker'), ` ${st(lang, 'tapToHear')}`);
  followButton.textContent = following ? `✓ ${st(lang, 'following')}` : st(lang, 'follow');
  followButton.disabled = following;
  hint.textContent = matchMedia('(pointer: coarse)').matches ? st(lang, 'hintTouch') : st(lang, 'hint');
}

function setLang(next: Lang): void {
  lang = next;
  saveLang(lang);
  if (ctx) {
    ctx.hall.setLang(lang);
    ctx.card.setLang(lang);
    ctx.minimap.setLang(lang);
    ctx.quiz.setLang(lang);
  }
  passportPanel?.setLang(lang);
  renderTexts();
}

/** A small debug hook for tests and benchmarks: read-only numbers plus travel. */
const expose = {
  loaded: false,
  progress: 0,
  loadMs: null as number | null,
  fps: 0,
  frameMs: 0,
  drawCalls: 0,
  triangles: 0,
  scale: 1,
  frames: 0,
  camera: { x: 0, y: 0, z: 0 },
  fan: { x: 0, z: 0, yaw: 0 },
  booth: null as string | null,
  exhibit: null as string | null,
  milestone: null as number | null,
  guide: { x: 0, z: 0, kind: 'figure' as 'figure' | 'vrm' },
  travelling: false,
  tour: false,
  /** Walks to a booth as a minimap click would. */
  travelTo: (boothId: string) => travelTo({ kind: 'booth', boothId }),
  /** Walks to a point of the hall (metres) as a minimap click would. */
  walkTo: (x: number, z: number) => travelTo({ kind: 'point', point: { x, z } }),
  /** Where the timeline rotunda's centre and the plaza are (for tests that walk there). */
  places: () => (ctx ? { rotunda: ctx.hall.layout.rotunda.center, plaza: ctx.hall.layout.plaza.c } : null),
  /** A spot a step in front of an exhibit's plinth, or of a timeline panel (index). */
  spotBefore: (boothId: string | null, id: string | number) => {
    const l = ctx?.hall.layout;
    if (!l) return null;
    const at = boothId === null ? l.rotunda.panels[Number(id)] : l.booths.find((b) => b.id === boothId)?.plinths.find((p) => p.exhibitId === id);
    if (!at) return null;
    const f = { x: -Math.sin(at.yaw), z: -Math.cos(at.yaw) };
    return { x: at.pos.x + f.x * 1.4, z: at.pos.z + f.z * 1.4 };
  },
  /** Where a booth is drawn on the minimap (CSS px from the minimap's top-left). */
  mapPoint: (boothId: string) => {
    const slot = ctx?.hall.layout.booths.find((b) => b.id === boothId);
    return slot && ctx ? ctx.minimap.toMap(slot.center) : null;
  },
  /** Switches the resolution governor off or on (benchmarks measure both). */
  setAdaptive: (on: boolean) => {
    if (!ctx) return;
    ctx.view.adaptive = on;
    if (!on) {
      ctx.view.stats.scale = 1;
      ctx.view.resize();
    }
  },
  software: false,
};
(window as unknown as { __showcase: typeof expose }).__showcase = expose;

function updateExpose(c: Ctx): void {
  const s = c.view.stats;
  expose.loaded = c.hall.ready;
  expose.loadMs = loadMs;
  expose.fps = Math.round(s.fps * 10) / 10;
  expose.frameMs = Math.round(s.frameMs * 10) / 10;
  expose.drawCalls = s.drawCalls;
  expose.triangles = s.triangles;
  expose.scale = s.scale;
  expose.software = c.view.software;
  expose.frames++;
  const p = c.view.camera.position;
  expose.camera = { x: p.x, y: p.y, z: p.z };
  expose.fan = { x: c.walker.pos.x, z: c.walker.pos.z, yaw: c.walker.yaw };
  expose.booth = focus.boothId;
  expose.exhibit = focus.exhibit?.exhibitId ?? null;
  expose.milestone = focus.milestone;
  const g = c.hall.guide.root.position;
  expose.guide = { x: g.x, z: g.z, kind: c.hall.guide.kind };
  expose.travelling = c.walker.travelling;
  expose.tour = tourOn;
}
