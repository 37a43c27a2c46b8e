import { api } from '../../../api/client';
import type { CaseAction } from '../model/case-actions';

/**
 * Sends an action: its command path (the ids filled in by the model), the body its form built, and the Idempotency-Key
 * of the user's intent (reused when the same intent is retried).
 */
export const sendAction = (action: CaseAction, body: Record<string, unknown>, idempotencyKey: string): Promise<unknown> =>
  api(action.path, { method: 'POST', body, idempotencyKey });
