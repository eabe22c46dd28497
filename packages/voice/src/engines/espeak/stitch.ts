import type { Lang } from '@snowstage/protocol';
import type { TtsChunk, TtsEvent } from '../../types.js';
import type { RawEvent } from './pool.js';

/**
 * Joins the separately synthesised language runs of one sentence into one stream: it trims the
 * silence eSpeak puts at the start and end of each utterance where runs meet (keeping the pause the
 * punctuation asks for), offsets every event into the joined timeline, and releases an event only
 * once the audio up to its time has been released.
 */
export interface RunJoin {
  lang: Lang;
  /** Trim leading silence (every run but the first). */
  trimLead: boolean;
  /** Longest trailing silence to keep, in ms; Infinity for the last run. */
  keepTailMs: number;
}

/** Samples quieter than this are silence (about -44 dB of full scale; eSpeak's pauses are near 0). */
const SILENCE = 200;
/** Leading silence longer than this is deliberate (a break) and is kept. */
const MAX_LEAD_TRIM_MS = 250;
const KEEP_LEAD_MS = 10;

export class RunStitcher {
  private emitted = 0; // samples released so far
  private runStart = 0; // output sample where the current run starts
  private lead = 0; // samples trimmed from the current run's start
  private leadDone = false;
  private join: RunJoin = { lang: 'zh', trimLead: false, keepTailMs: Infinity };
  private pending: Int16Array[] = []; // held-back (possibly trailing-silent) samples
  private pendingLen = 0;
  private held: TtsEvent[] = []; // events waiting for their audio
  private rawLeadBuffer: Int16Array[] = [];
  private rawLeadLen = 0;
  private rawLeadEvents: RawEvent[] = [];
  private runLang: Lang = 'zh';

  constructor(private readonly sampleRate: number) {}

  private ms(samples: number): number {
    return Math.round((samples * 10000) / this.sampleRate) / 10;
  }

  beginRun(join: RunJoin): void {
    this.join = join;
    this.runLang = join.lang;
    this.runStart = this.emitted + this.pendingLen;
    this.lead = 0;
    this.leadDone = !join.trimLead;
    this.rawLeadBuffer = [];
    this.rawLeadLen = 0;
    this.rawLeadEvents = [];
  }

  /** Adds a chunk of the current run; returns what can be released now. */
  push(pcm: Int16Array, events: readonly RawEvent[]): TtsChunk[] {
    const out: TtsChunk[] = [];
    let audio = pcm;
    if (!this.leadDone) {
      this.rawLeadBuffer.push(pcm);
      this.rawLeadLen += pcm.length;
      const joined = concat(this.rawLeadBuffer, this.rawLeadLen);
      const firstLoud = joined.findIndex((s) => Math.abs(s) >= SILENCE);
      const maxTrim = Math.round((MAX_LEAD_TRIM_MS / 1000) * this.sampleRate);
      this.rawLeadEvents.push(...events);
      if (firstLoud < 0 && joined.length <= maxTrim) return out; // still silent: decide later
      const keep = Math.round((KEEP_LEAD_MS / 1000) * this.sampleRate);
      this.lead = firstLoud < 0 || firstLoud > maxTrim ? 0 : Math.max(0, firstLoud - keep);
      this.leadDone = true;
      audio = joined.subarray(this.lead);
      this.rawLeadBuffer = [];
      events = this.rawLeadEvents;
      this.rawLeadEvents = [];
    }
    this.queueEvents(events);
    this.hold(audio);
    // Release everything except a trailing silent stretch, which may still be trimmed.
    const all = concat(this.pending, this.pendingLen);
    let cut = all.length;
    while (cut > 0 && Math.abs(all[cut - 1]!) < SILENCE) cut--;
    if (cut > 0) out.push(...this.release(all.subarray(0, cut)));
    this.pending = cut < all.length ? [all.slice(cut)] : [];
    this.pendingLen = all.length - cut;
    out.push(...this.releaseEvents(false));
    return out;
  }

  /** Ends the current run: keeps at most `keepTailMs` of its trailing silence. */
  endRun(): TtsChunk[] {
    const out: TtsChunk[] = [];
    if (!this.leadDone) {
      // The whole run was silence (e.g. only a break): keep it as it is.
      this.leadDone = true;
      this.hold(concat(this.rawLeadBuffer, this.rawLeadLen));
      this.queueEvents(this.rawLeadEvents);
    }
    const tail = concat(this.pending, this.pendingLen);
    const keep = Number.isFinite(this.join.keepTailMs) ? Math.min(tail.length, Math.round((this.join.keepTailMs / 1000) * this.sampleRate)) : tail.length;
    this.pending = [];
    this.pendingLen = 0;
    if (keep > 0) out.push(...this.release(tail.subarray(0, keep)));
    out.push(...this.releaseEvents(true));
    return out;
  }

  /** After the last run: the closing `end` event. */
  finish(): TtsChunk[] {
    return [{ event: { type: 'end', ms: this.ms(this.emitted) } }];
  }

  get durationMs(): number {
    return this.ms(this.emitted);
  }

  private hold(pcm: Int16Array): void {
    if (!pcm.length) return;
    this.pending.push(pcm);
    this.pendingLen += pcm.length;
  }

  private release(pcm: Int16Array): TtsChunk[] {
    this.emitted += pcm.length;
    return [{ pcm: pcm.slice(), sampleRate: this.sampleRate }];
  }

  private queueEvents(events: readonly RawEvent[]): void {
    for (const e of events) {
      const at = this.ms(this.runStart) + e.ms - this.ms(this.lead);
      const ms = Math.max(this.ms(this.runStart), Math.round(at * 10) / 10);
      if (e.t === 'p') {
        const sw = /^\((\w+)\)$/.exec(e.v);
        if (sw) {
          this.runLang = sw[1] === 'cmn' ? 'zh' : sw[1]!.startsWith('en') ? 'en' : this.runLang;
          continue;
        }
        this.held.push({ type: 'phoneme', ms, ipa: e.v, lang: this.runLang });
      } else if (e.t === 'w') this.held.push({ type: 'word', ms, text: e.v.replace(/\u200B/g, '') });
      else if (e.t === 's') this.held.push({ type: 'sentence', ms });
      else this.held.push({ type: 'mark', ms, name: e.v });
    }
  }

  /** Events whose time the released audio has reached (all of them at a run's end, clamped to it). */
  private releaseEvents(all: boolean): TtsChunk[] {
    const now = this.ms(this.emitted);
    const out: TtsChunk[] = [];
    const keep: TtsEvent[] = [];
    for (const e of this.held) {
      if (e.ms <= now) out.push({ event: e });
      else if (all) out.push({ event: { ...e, ms: now } });
      else keep.push(e);
    }
    this.held = keep;
    return out;
  }
}

function concat(parts: Int16Array[], len: number): Int16Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Int16Array(len);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
