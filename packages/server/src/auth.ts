import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '@snowstage/protocol';

export interface ViewerIdentity {
  viewerId: string;
  nickname: string;
}

/**
 * Viewer tokens: `base64url(JSON{v,n}).base64url(HMAC-SHA256)`. They let a returning viewer keep
 * their id (and so their orders and limits) without accounts; nobody can forge another's id.
 */
export class Auth {
  constructor(
    private readonly secret: string,
    private readonly staff: { operatorToken: string; moderatorToken: string },
  ) {}

  issueViewerToken(id: ViewerIdentity): string {
    const body = Buffer.from(JSON.stringify({ v: id.viewerId, n: id.nickname })).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The identity in a token, or null for anything forged, truncated or malformed. */
  verifyViewerToken(token: string | undefined): ViewerIdentity | null {
    if (!token) return null;
    const dot = token.indexOf('.');
    if (dot <= 0) return null;
    const body = token.slice(0, dot);
    if (!safeEqual(token.slice(dot + 1), this.sign(body))) return null;
    try {
      const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { v?: unknown; n?: unknown };
      if (typeof parsed.v !== 'string' || typeof parsed.n !== 'string') return null;
      return { viewerId: parsed.v, nickname: parsed.n };
    } catch {
      return null;
    }
  }

  /** The staff role a token grants, or null when it matches neither configured token. */
  staffRole(token: string | undefined): Exclude<Role, 'viewer'> | null {
    if (!token) return null;
    if (safeEqual(token, this.staff.operatorToken)) return 'operator';
    if (safeEqual(token, this.staff.moderatorToken)) return 'moderator';
    return null;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newViewerId(): string {
  return 'v_' + randomBytes(9).toString('base64url');
}

const ZH = ['雪花', '冰墩', '滑雪达人', '冰壶迷', '雪人', '花滑粉', '灯笼', '跳台'];
const EN = ['Snowflake', 'Skier', 'Curler', 'Snowman', 'Skater', 'Lantern', 'Jumper', 'Sledder'];

/** A friendly anonymous nickname such as "雪花·4821" or "Snowflake-4821". */
export function anonymousNickname(lang: 'zh' | 'en' = 'zh'): string {
  const n = randomBytes(2).readUInt16BE() % 10000;
  const i = randomBytes(1)[0]! % ZH.length;
  return lang === 'zh' ? `${ZH[i]}·${String(n).padStart(4, '0')}` : `${EN[i]}-${String(n).padStart(4, '0')}`;
}
