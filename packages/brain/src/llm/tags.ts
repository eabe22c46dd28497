import { EMOTIONS, GESTURES, type Emotion, type EmotionTag, type Gesture, type Lang } from '@snowstage/protocol';
import { speakable } from '../text/normalize.js';
import type { Segment } from '../types.js';

const EMOTION_SET = new Set<string>(EMOTIONS);
const GESTURE_SET = new Set<string>(GESTURES);
const MAX_TAG = 24;
/** Sentence ends: Chinese marks, ! ?, an ellipsis, a newline, or a period not between digits. */
const END = /[。！？!?…\n]|\.(?!\d)(?=\s|$)/;

/**
 * Turns a streamed LLM reply with inline tags — `[happy]`, `[excited:0.9]`, `[heart-hands]` — into
 * segments, one per sentence, as soon as each sentence ends. Unknown tags are dropped; an unclosed `[`
 * is dropped after 24 characters. Feed text with `push`, then call `end` for the rest.
 */
export class TagParser {
  private buf = '';
  private text = '';
  private emotion: EmotionTag;
  private gesture: Gesture | undefined;

  constructor(
    private readonly lang: Lang,
    initial: EmotionTag = { name: 'happy', intensity: 0.6 },
  ) {
    this.emotion = initial;
  }

  push(chunk: string): Segment[] {
    this.buf += chunk;
    const out: Segment[] = [];
    for (;;) {
      const open = this.buf.indexOf('[');
      const plain = open < 0 ? this.buf : this.buf.slice(0, open);
      this.addText(plain, out);
      if (open < 0) {
        this.buf = '';
        break;
      }
      const close = this.buf.indexOf(']', open);
      if (close < 0) {
        if (this.buf.length - open > MAX_TAG) {
          this.buf = this.buf.slice(open + 1);
          continue;
        }
        this.buf = this.buf.slice(open);
        break;
      }
      this.tag(this.buf.slice(open + 1, close).trim().toLowerCase(), out);
      this.buf = this.buf.slice(close + 1);
    }
    return out;
  }

  end(): Segment[] {
    const out: Segment[] = [];
    this.addText(this.buf.replace(/\[/g, ''), out);
    this.buf = '';
    this.flush(out);
    return out;
  }

  private addText(s: string, out: Segment[]): void {
    let rest = s;
    for (;;) {
      const m = END.exec(rest);
      if (!m) break;
      this.text += rest.slice(0, m.index + m[0].length);
      rest = rest.slice(m.index + m[0].length);
      this.flush(out);
    }
    this.text += rest;
  }

  private tag(name: string, out: Segment[]): void {
    const [head, arg] = name.split(/[:=]/) as [string, string | undefined];
    if (EMOTION_SET.has(head)) {
      const intensity = arg !== undefined && Number.isFinite(Number(arg)) ? Math.min(1, Math.max(0, Number(arg))) : 0.7;
      // A change of feeling mid-sentence starts a new segment.
      if (this.text.trim()) this.flush(out);
      this.emotion = { name: head as Emotion, intensity };
    } else if (GESTURE_SET.has(head)) {
      this.gesture ??= head as Gesture;
    }
  }

  private flush(out: Segment[]): void {
    const text = speakable(this.text.replace(/\s+/g, ' '), this.lang).trim();
    this.text = '';
    if (!/[\p{L}\p{N}]/u.test(text)) return;
    out.push({ text, lang: this.lang, emotion: this.emotion, ...(this.gesture ? { gesture: this.gesture } : {}) });
    this.gesture = undefined;
  }
}
