import type { FlashSale, Product, RoomEvent, Show } from '@snowstage/protocol';
import type { ReplayData } from './replay-clock.js';

/**
 * A small recorded show for the replay tests: starts at T0, pins two products, sells, speaks,
 * dances and ends 60 s later. Built by hand so every expected number is visible here.
 */
export const T0 = 1_700_000_000_000;

export function product(id: string, price = 8800): Product {
  return {
    id,
    category: 'plush',
    name: { zh: `${id} 中`, en: `${id} en` },
    description: { zh: '描述', en: 'description' },
    aliases: { zh: [], en: [] },
    price: { amount: price, currency: 'CNY' },
    color: '#4FC3F7',
    tags: [],
    variants: [{ id: 'std', label: { zh: '标准', en: 'Standard' }, stock: 10 }],
  };
}

export const MUG = product('mug', 6800);
export const SCARF = product('scarf', 12800);
export const TOTE = product('tote', 3900);

export const SALE: FlashSale = {
  id: 'sale_1', roomId: 'main', productId: 'mug', variantId: 'std',
  salePrice: { amount: 4800, currency: 'CNY' }, listPrice: { amount: 6800, currency: 'CNY' },
  quantity: 5, sold: 0, perBuyerLimit: 1, startsAt: T0 + 20_000, endsAt: T0 + 40_000, status: 'scheduled',
};

const speech = (seq: number, startAt: number, text: string, durationMs: number): RoomEvent => ({
  seq, at: startAt - 300, kind: 'speech', speechId: `sp${seq}`, startAt, text, lang: 'zh',
  emotion: { name: 'happy', intensity: 0.6 }, gestures: [{ name: 'wave', atMs: 200 }],
  audio: { url: `/api/audio/sp${seq}.wav`, durationMs, sampleRate: 22050 }, visemes: [], productId: null, replyTo: null,
});

const line = (seq: number, at: number, id: string, text: string): RoomEvent => ({
  seq, at, kind: 'chat', line: { id, viewerId: `v_${id}`, nickname: `nick ${id}`, role: 'viewer', text, at },
});

export const EVENTS: RoomEvent[] = [
  { seq: 100, at: T0, kind: 'showStarted', showId: 'show_1', title: 'Night', present: ['v_a'] },
  { seq: 101, at: T0, kind: 'pinned', products: [SCARF] },
  { seq: 102, at: T0 + 100, kind: 'hostMode', mode: 'pitch', by: 'director' },
  speech(103, T0 + 2_000, '大家好！', 3_000),
  line(104, T0 + 4_000, 'c1', 'hello'),
  line(105, T0 + 6_000, 'c2', 'spam'),
  { seq: 106, at: T0 + 7_000, kind: 'chatDeleted', messageId: 'c2', by: 'mod' },
  { seq: 107, at: T0 + 10_000, kind: 'pinned', products: [SCARF, MUG] },
  { seq: 108, at: T0 + 12_000, kind: 'sale', sale: SALE },
  { seq: 109, at: T0 + 12_500, kind: 'likes', delta: 5, total: 5 },
  { seq: 110, at: T0 + 25_000, kind: 'orderPlaced', orderId: 'o1', buyerId: 'v_a', nickname: 'A', productId: 'mug', variantId: 'std', qty: 1, total: { amount: 4800, currency: 'CNY' }, saleId: 'sale_1', via: 'live' },
  { seq: 111, at: T0 + 25_000, kind: 'sale', sale: { ...SALE, sold: 1, status: 'open' } },
  { seq: 112, at: T0 + 30_000, kind: 'gesture', name: 'heart-hands', startAt: T0 + 30_200 },
  { seq: 113, at: T0 + 35_000, kind: 'pinned', products: [MUG, TOTE] },
  { seq: 114, at: T0 + 39_000, kind: 'announcement', text: '包邮 Free shipping' },
  { seq: 115, at: T0 + 40_000, kind: 'dance', songId: 'snow-song', title: { zh: '雪之歌', en: 'Snow song' }, startAt: T0 + 41_000, audio: { url: '/api/audio/song.wav', durationMs: 15_000, sampleRate: 22050 }, bpm: 120, beatsMs: [0, 500, 1000], moves: [] },
  speech(116, T0 + 50_000, 'Thank you!', 2_000),
  { seq: 117, at: T0 + 60_000, kind: 'showEnded', showId: 'show_1' },
];

export const SHOW: Show = {
  id: 'show_1', roomId: 'main', title: 'Night', scheduledAt: T0 - 60_000, lineup: ['mug', 'scarf'],
  status: 'ended', startedAt: T0, endedAt: T0 + 60_000, startSeq: 100, endSeq: 117,
};

export function replayData(): ReplayData {
  return {
    show: SHOW,
    events: EVENTS,
    markers: [
      { at: T0, seq: 101, productIds: ['scarf'] },
      { at: T0 + 10_000, seq: 107, productIds: ['scarf', 'mug'] },
      { at: T0 + 35_000, seq: 113, productIds: ['mug', 'tote'] },
    ],
  };
}
