/**
 * Reads a Server-Sent Events body and yields each event's data (multi-line data joined by "\n"),
 * stopping at `[DONE]`. Throws if the stream breaks; the caller decides what that means.
 */
export async function* sseData(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncIterable<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  let data: string[] = [];
  try {
    for (;;) {
      if (signal?.aborted) return;
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buf.search(/\r?\n/)) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + (buf[nl] === '\r' ? 2 : 1));
        if (line === '') {
          if (data.length > 0) {
            const payload = data.join('\n');
            data = [];
            if (payload.trim() === '[DONE]') return;
            yield payload;
          }
        } else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        // Other fields (event:, id:, retry:, comments) carry nothing for chat completions.
      }
    }
    if (data.length > 0 && data.join('\n').trim() !== '[DONE]') yield data.join('\n');
  } finally {
    reader.releaseLock();
    void body.cancel().catch(() => {});
  }
}

/**
 * The text deltas of an OpenAI-compatible streaming chat completion. Malformed chunks are skipped
 * (untrusted input is parsed to nothing, never thrown).
 */
export async function* chatDeltas(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncIterable<string> {
  for await (const payload of sseData(body, signal)) {
    let chunk: unknown;
    try {
      chunk = JSON.parse(payload);
    } catch {
      continue;
    }
    const content = (chunk as { choices?: { delta?: { content?: unknown } }[] })?.choices?.[0]?.delta?.content;
    if (typeof content === 'string' && content.length > 0) yield content;
  }
}
