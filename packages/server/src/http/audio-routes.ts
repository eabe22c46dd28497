import type { FastifyPluginAsync } from 'fastify';
import { AUDIO_KEY, type AudioStore } from '@snowstage/voice';

/** The URL of a stored line's audio; what a speech show event carries in `audio.url`. */
export function audioUrl(key: string): string {
  return `/api/audio/${key}.wav`;
}

/**
 * `GET /api/audio/:key.wav` — synthesised speech, content-addressed, so cacheable forever
 * (`immutable`), with an ETag (the key) and byte ranges (browsers' media elements ask for them).
 */
export const audioRoutes: FastifyPluginAsync<{ store: Pick<AudioStore, 'getAudio'> }> = async (app, { store }) => {
  app.get<{ Params: { file: string } }>('/api/audio/:file', async (req, reply) => {
    const m = /^(.+)\.wav$/.exec(req.params.file);
    const key = m?.[1] ?? '';
    const bytes = AUDIO_KEY.test(key) ? await store.getAudio(key) : undefined;
    if (!bytes) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'No such audio' } });
    const etag = `"${key}"`;
    void reply
      .header('content-type', 'audio/wav')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('accept-ranges', 'bytes');
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return reply.status(304).send();
    const range = req.headers.range;
    if (range) {
      const r = parseRange(range, bytes.length);
      if (r === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${bytes.length}`).send();
      if (r) {
        const [start, end] = r;
        return reply
          .status(206)
          .header('content-range', `bytes ${start}-${end}/${bytes.length}`)
          .send(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start + 1));
      }
    }
    return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
};

/** One `bytes=a-b` / `a-` / `-n` range; several ranges or other units are ignored (whole file). */
function parseRange(header: string, size: number): [number, number] | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(size - 1, Number(m[2]));
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return [start, end];
}
