import { layerCorners, type DesignDoc, type DesignSide, type GarmentTemplate, type Lang, type Layer, type ShapeKind } from '@snowstage/protocol';
import { mockupSvg } from '@snowstage/commerce';
import { h, toast } from '../../shared/dom.js';
import { loc } from '../../shared/i18n.js';
import { ApiError } from '../../shared/api.js';
import { cloud, type CloudConfig } from '../api.js';
import { tr } from '../strings.js';
import { DesignHistory } from './history.js';
import type { BrowserAssets } from './assets.js';

const INK = ['#FFFFFF', '#1B2A4A', '#C8102E', '#F2C14E', '#4FC3F7', '#1C1C1E', '#2EC27E'];
const SHAPES: ShapeKind[] = ['star', 'heart', 'snowflake', 'ellipse', 'rect', 'triangle'];
let seq = 0;
const newLayerId = () => `l${Date.now().toString(36)}${(seq++).toString(36)}`;

export interface DesignResult {
  designId: string;
  previewUrl: string;
  template: GarmentTemplate;
  color: string;
  size: string;
}

/**
 * The merch designer: a garment mock-up with the print area's guide, layers you add (text,
 * clip-art, photo, shape), move by dragging, scale, rotate, reorder and delete, with undo/redo.
 * Every change is clamped into the print area. "Finish" saves the JSON design on the server, which
 * renders the print file, and hands back the design for the cart.
 */
export function designer(root: HTMLElement, o: { lang: Lang; config: CloudConfig; assets: BrowserAssets; onDone(r: DesignResult): void; onCancel(): void }): () => void {
  const { lang, config, assets } = o;
  const tpl = (kind: string) => config.templates.find((t) => t.kind === kind)!;
  let template = tpl('tshirt');
  let side: DesignSide = 'front';
  let size = template.sizes[1]?.id ?? template.sizes[0]!.id;
  let ink = INK[2]!;
  let selected: string | null = null;
  const history = new DesignHistory({ v: 1, garment: 'tshirt', color: template.colors[0]!.id, sides: { front: [], back: [] } }, (s) => template.printArea[s]);

  const stage = h('div', { class: 'ds-stage', 'data-testid': 'designer-stage' });
  const panel = h('div', { class: 'ds-panel' });
  root.replaceChildren(h('div', { class: 'designer', 'data-testid': 'designer' }, stage, panel));

  const layers = () => history.doc.sides[side];
  const area = () => template.printArea[side]!;
  const sel = () => layers().find((l) => l.id === selected) ?? null;

  // ── the stage ──
  function drawStage(): void {
    const color = template.colors.find((c) => c.id === history.doc.color)!.hex;
    const svg = mockupSvg(template, color, side, layers(), assets, { widthPx: template.mockup.w, guide: true });
    const at = template.mockup.area[side]!;
    const s = sel();
    const outline = s
      ? `<polygon points="${layerCorners(s).map(([x, y]) => `${x + at.x},${y + at.y}`).join(' ')}" fill="none" stroke="#4FC3F7" stroke-width="2.5" stroke-dasharray="8 5" pointer-events="none"/>`
      : '';
    stage.innerHTML = svg.replace(/<\/svg>$/, `${outline}</svg>`);
    const el = stage.querySelector('svg')!;
    el.removeAttribute('width');
    el.removeAttribute('height');
    el.setAttribute('data-testid', 'mockup');
    el.setAttribute('data-layers', String(layers().length));
    el.addEventListener('pointerdown', onDown);
  }

  const toArea = (e: PointerEvent) => {
    const svg = stage.querySelector('svg')!;
    const pt = new DOMPoint(e.clientX, e.clientY).matrixTransform(svg.getScreenCTM()!.inverse());
    const at = template.mockup.area[side]!;
    return { x: pt.x - at.x, y: pt.y - at.y };
  };

  function hit(p: { x: number; y: number }): Layer | null {
    for (const l of [...layers()].reverse()) {
      const a = (-l.rotation * Math.PI) / 180;
      const dx = p.x - l.x;
      const dy = p.y - l.y;
      const lx = dx * Math.cos(a) - dy * Math.sin(a);
      const ly = dx * Math.sin(a) + dy * Math.cos(a);
      if (Math.abs(lx) <= (l.w * l.scale) / 2 && Math.abs(ly) <= (l.h * l.scale) / 2) return l;
    }
    return null;
  }

  function onDown(e: PointerEvent): void {
    const p = toArea(e);
    const l = hit(p);
    selected = l?.id ?? null;
    render();
    if (!l) return;
    e.preventDefault();
    const start = { x: l.x, y: l.y, px: p.x, py: p.y };
    let first = true;
    const move = (ev: PointerEvent) => {
      const q = toArea(ev);
      history.update(side, l.id, { x: start.x + q.x - start.px, y: start.y + q.y - start.py }, !first);
      first = false;
      drawStage();
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      render();
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  // ── adding layers ──
  function addLayer(l: Omit<Layer, 'id' | 'x' | 'y' | 'scale' | 'rotation'>): void {
    const a = area();
    const layer = { ...l, id: newLayerId(), x: a.w / 2, y: a.h * 0.4, scale: 1, rotation: 0 } as Layer;
    if (!history.add(side, layer)) return toast(`≤ ${config.limits.layersPerSide}`, 'error');
    selected = layer.id;
    render();
  }

  const textInput = h('input', { class: 'ds-text', type: 'text', maxlength: config.limits.textChars, placeholder: tr(lang, 'textPlaceholder'), 'data-testid': 'design-text' });
  let bold = true;
  function addText(): void {
    const text = textInput.value.trim();
    if (!text) return textInput.focus();
    const weight = bold ? 700 : 400;
    const box = assets.measure(text, weight);
    const w = Math.min(area().w * 0.8, 16 * [...text].length + 20);
    addLayer({ kind: 'text', text, color: ink, weight, w, h: Math.max(4, (w * box.h) / box.w) } as Layer);
    textInput.value = '';
  }

  async function upload(file: File): Promise<void> {
    try {
      const img = await cloud.upload(file, lang);
      assets.rememberImage(img.id, img);
      const w = Math.min(img.maxPrintMm.w, area().w * 0.6, ((area().h * 0.6) * img.width) / img.height);
      addLayer({ kind: 'image', imageId: img.id, w, h: (w * img.height) / img.width } as Layer);
    } catch (e) {
      toast(e instanceof ApiError ? `${e.message}${e.detail ? ` (${e.detail})` : ''}` : String(e), 'error');
    }
  }

  // ── the panel ──
  const btn = (label: string, onclick: () => void, extra: Record<string, unknown> = {}) => h('button', { class: 'btn k-btn', type: 'button', onclick, ...extra }, label);
  function edit(patch: (l: Layer) => Partial<Layer>): void {
    const l = sel();
    if (!l) return;
    history.update(side, l.id, patch(l));
    render();
  }

  function render(): void {
    drawStage();
    const doc = history.doc;
    const s = sel();
    const fileInput = h('input', { type: 'file', accept: 'image/png,image/jpeg', hidden: true, 'data-testid': 'design-upload', onchange: (e: Event) => {
      const f = (e.target as HTMLInputElement).files?.[0];
      if (f) void upload(f);
    } });
    panel.replaceChildren(
      ...([
      h('div', { class: 'ds-row' },
        ...config.templates.map((t) => btn(loc(t.name, lang), () => switchGarment(t.kind), { class: `btn k-chip${t.kind === template.kind ? ' on' : ''}`, 'data-testid': `garment-${t.kind}` })),
      ),
      template.sides.length > 1
        ? h('div', { class: 'ds-row' }, ...template.sides.map((sd) => btn(tr(lang, sd === 'front' ? 'front' : 'backSide'), () => { side = sd; selected = null; render(); }, { class: `btn k-chip${sd === side ? ' on' : ''}`, 'data-testid': `side-${sd}` })))
        : null,
      h('div', { class: 'ds-label' }, tr(lang, 'color')),
      h('div', { class: 'ds-row' }, ...template.colors.map((c) => h('button', { class: `swatch${c.id === doc.color ? ' on' : ''}`, type: 'button', title: loc(c.name, lang), style: { background: c.hex }, 'data-testid': `color-${c.id}`, onclick: () => { history.replace({ ...history.doc, color: c.id }); render(); } }))),
      template.sizes.length > 1
        ? h('div', {}, h('div', { class: 'ds-label' }, tr(lang, 'size')), h('div', { class: 'ds-row' }, ...template.sizes.map((z) => btn(loc(z.label, lang), () => { size = z.id; render(); }, { class: `btn k-chip small${z.id === size ? ' on' : ''}`, 'data-testid': `size-${z.id}` }))))
        : null,
      h('div', { class: 'ds-label' }, tr(lang, 'addText')),
      h('div', { class: 'ds-row' }, textInput, btn(bold ? 'B' : 'b', () => { bold = !bold; render(); }, { class: 'btn k-chip small', title: 'bold' }), btn(tr(lang, 'add'), addText, { 'data-testid': 'add-text' })),
      h('div', { class: 'ds-row inks' }, ...INK.map((c) => h('button', { class: `swatch small${c === ink ? ' on' : ''}`, type: 'button', style: { background: c }, 'data-testid': `ink-${c.slice(1)}`, onclick: () => {
        ink = c;
        if (s?.kind === 'text') edit(() => ({ color: c }));
        else if (s?.kind === 'shape') edit(() => ({ fill: c }));
        else render();
      } }))),
      h('div', { class: 'ds-label' }, tr(lang, 'addClipart')),
      h('div', { class: 'ds-clipart', 'data-testid': 'clipart-list' },
        ...config.clipart.map((c) => h('button', { class: 'clip', type: 'button', title: loc(c.name, lang), 'data-testid': `clipart-${c.id}`, onclick: () => {
          const f = assets.clipart(c.id);
          const w = 70;
          addLayer({ kind: 'clipart', clipartId: c.id, w, h: (w * f.box.h) / f.box.w } as Layer);
        } }, h('img', { src: c.url, alt: loc(c.name, lang) }))),
      ),
      h('div', { class: 'ds-row' },
        ...SHAPES.map((k) => btn(({ star: '★', heart: '♥', snowflake: '❄', ellipse: '●', rect: '■', triangle: '▲' } as const)[k], () => addLayer({ kind: 'shape', shape: k, fill: ink, stroke: null, w: 50, h: 50 } as Layer), { class: 'btn k-chip', 'data-testid': `shape-${k}` })),
        btn(`+ ${tr(lang, 'addImage')}`, () => fileInput.click(), { class: 'btn k-chip', title: tr(lang, 'uploadHint'), 'data-testid': 'add-photo' }),
        fileInput,
      ),
      h('div', { class: 'ds-tools' },
        btn(tr(lang, 'bigger'), () => edit((l) => ({ scale: Math.min(config.limits.maxScale, l.scale * 1.15) })), { disabled: !s, 'data-testid': 'tool-bigger' }),
        btn(tr(lang, 'smaller'), () => edit((l) => ({ scale: Math.max(config.limits.minScale, l.scale / 1.15) })), { disabled: !s, 'data-testid': 'tool-smaller' }),
        btn(tr(lang, 'rotateLeft'), () => edit((l) => ({ rotation: ((l.rotation - 15 + 540) % 360) - 180 })), { disabled: !s, 'data-testid': 'tool-rotl' }),
        btn(tr(lang, 'rotateRight'), () => edit((l) => ({ rotation: ((l.rotation + 15 + 540) % 360) - 180 })), { disabled: !s, 'data-testid': 'tool-rotr' }),
        btn(tr(lang, 'forward'), () => { if (s) history.reorder(side, s.id, 1); render(); }, { disabled: !s, 'data-testid': 'tool-forward' }),
        btn(tr(lang, 'backward'), () => { if (s) history.reorder(side, s.id, -1); render(); }, { disabled: !s, 'data-testid': 'tool-backward' }),
        btn(tr(lang, 'delete'), () => { if (s) history.remove(side, s.id); selected = null; render(); }, { disabled: !s, class: 'btn k-btn btn-danger', 'data-testid': 'tool-delete' }),
        btn(tr(lang, 'undo'), () => { history.undo(); render(); }, { disabled: !history.canUndo, 'data-testid': 'tool-undo' }),
        btn(tr(lang, 'redo'), () => { history.redo(); render(); }, { disabled: !history.canRedo, 'data-testid': 'tool-redo' }),
      ),
      h('div', { class: 'ds-row end' },
        btn(tr(lang, 'back'), o.onCancel, { class: 'btn k-btn btn-ghost' }),
        btn(`${tr(lang, 'saveDesign')} · ¥${template.price.amount / 100}`, () => void finish(), { class: 'btn k-btn k-primary', 'data-testid': 'design-finish' }),
      ),
      ] as (HTMLElement | null)[]).filter((x): x is HTMLElement => x !== null),
    );
  }

  function switchGarment(kind: string): void {
    template = tpl(kind);
    side = 'front';
    size = template.sizes[1]?.id ?? template.sizes[0]!.id;
    selected = null;
    const color = template.colors.some((c) => c.id === history.doc.color) ? history.doc.color : template.colors[0]!.id;
    history.replace({ ...history.doc, garment: template.kind, color });
    render();
  }

  let saving = false;
  async function finish(): Promise<void> {
    const doc: DesignDoc = history.doc;
    if (doc.sides.front.length + doc.sides.back.length === 0) return toast(tr(lang, 'emptyDesign'), 'error');
    if (saving) return;
    saving = true;
    toast(tr(lang, 'saving'));
    try {
      const saved = await cloud.saveDesign(doc, lang);
      o.onDone({ designId: saved.designId, previewUrl: saved.previewUrl, template, color: doc.color, size });
    } catch (e) {
      toast(e instanceof ApiError ? `${e.message}${e.detail ? ` (${e.detail})` : ''}` : String(e), 'error');
    } finally {
      saving = false;
    }
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement) {
      if (e.key === 'Enter' && e.target === textInput) addText();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'z') { history.undo(); render(); }
    if ((e.ctrlKey || e.metaKey) && e.key === 'y') { history.redo(); render(); }
  };
  window.addEventListener('keydown', onKey);
  render();
  return () => window.removeEventListener('keydown', onKey);
}
