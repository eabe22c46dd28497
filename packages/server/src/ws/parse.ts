import { AppError, CHAT_LIMITS, CLIENT_MESSAGE_TYPES, ClientMessage } from '@snowstage/protocol';

/**
 * Turns one raw frame into a valid client message, or an AppError naming what is wrong with it.
 * Untrusted input: returns, never throws.
 */
export function parseFrame(data: Buffer | string, isBinary: boolean): ClientMessage | AppError {
  if (isBinary) return new AppError('BINARY_NOT_SUPPORTED');
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  if (size > CHAT_LIMITS.maxFrameBytes) return new AppError('FRAME_TOO_LARGE', `${size} bytes > ${CHAT_LIMITS.maxFrameBytes}`);
  let raw: unknown;
  try {
    raw = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch (e) {
    return new AppError('BAD_FRAME', (e as Error).message);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return new AppError('BAD_FRAME', 'expected a JSON object');
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') return new AppError('INVALID_MESSAGE', 'missing "type"');
  if (!CLIENT_MESSAGE_TYPES.has(type)) return new AppError('UNKNOWN_TYPE', type.slice(0, 40));
  const parsed = ClientMessage.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || type}: ${i.message}`)
      .join('; ');
    return new AppError('INVALID_MESSAGE', detail);
  }
  return parsed.data;
}

/** The request id of a frame, if it had a usable one, so even a rejected frame's error can be matched. */
export function ridOf(data: Buffer | string): string | undefined {
  try {
    const raw = JSON.parse(typeof data === 'string' ? data : data.toString('utf8')) as { rid?: unknown };
    return typeof raw?.rid === 'string' && raw.rid.length <= 64 ? raw.rid : undefined;
  } catch {
    return undefined;
  }
}
