import { useAccessIndex } from '../api/openapi';
import { useIdentity } from '../auth/SessionProvider';
import { can, type AccessScope } from './access';

/**
 * `useCan('POST /refunds/{refundId}/approval', {shopId})`: whether to offer the action to the signed-in caller, from
 * the `x-access` the server documents. False until the document has loaded (an action appears, never disappears).
 */
export function useCan(operation: string, scope?: AccessScope): boolean {
  const identity = useIdentity();
  const { index } = useAccessIndex();
  return index !== undefined && can(index, identity, operation, scope);
}
