import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS, isAppError } from '@snowstage/protocol';
import { ZodError } from 'zod';

/** Language for error messages: `?lang=en` or the Accept-Language header; Chinese by default. */
export function langOf(req: FastifyRequest): 'zh' | 'en' {
  const q = (req.query as { lang?: string } | undefined)?.lang;
  if (q === 'en' || q === 'zh') return q;
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'zh';
}

/** One error shape for every HTTP reply: `{ error: { code, message, detail? } }` with the catalog's status. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    let e: AppError;
    if (isAppError(err)) e = err;
    else if (err instanceof ZodError) e = new AppError('INVALID_MESSAGE', err.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    else if ((err as { validation?: unknown }).validation || (err as { statusCode?: number }).statusCode === 400)
      e = new AppError('INVALID_MESSAGE', (err as Error).message);
    else if ((err as { statusCode?: number }).statusCode === 413) e = new AppError('FRAME_TOO_LARGE');
    else {
      req.log.error({ err }, 'request failed');
      e = new AppError('INTERNAL');
    }
    void reply.status(e.status).send({ error: { code: e.code, message: ERRORS[e.code][langOf(req)], ...(e.detail ? { detail: e.detail } : {}) } });
  });
}

export function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}
