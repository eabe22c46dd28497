import { AppError } from '@snowstage/protocol';
import type { Auth, ViewerIdentity } from '../auth.js';

/** The fan behind a request's bearer viewer token; 401 when there is none or it is forged. */
export function requireViewer(auth: Auth, token: string | undefined): ViewerIdentity {
  const me = auth.verifyViewerToken(token);
  if (!me) throw new AppError('UNAUTHORIZED', 'a viewer token is required');
  return me;
}
