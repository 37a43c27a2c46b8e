import { useCallback } from 'react';
import { can } from '../../access/access';
import { useAccessIndex } from '../../api/openapi';
import { useIdentity } from '../../auth/SessionProvider';
import type { Can } from './model/case-actions';

/** `useCan` for a list of actions known only at render time: one function asking the same access index. */
export function useCanAct(): Can {
  const identity = useIdentity();
  const { index } = useAccessIndex();
  return useCallback((operation, scope) => index !== undefined && can(index, identity, operation, scope), [index, identity]);
}
