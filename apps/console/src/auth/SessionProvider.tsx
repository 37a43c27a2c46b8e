import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { configureApi } from '../api/client';
import { forgetToken, readToken, restoreSession, storeToken, type Identity, type ReadToken, type Session, type SessionEnd } from './session';

interface SessionState {
  session: Session | undefined;
  /** Why the last session ended (or the stored one could not be restored): the sign-in page says it. */
  ended: SessionEnd | undefined;
  signIn(pasted: string): ReadToken;
  signOut(reason?: SessionEnd): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Longest wait a timer takes (setTimeout overflows past 2^31 ms). */
const MAX_TIMER_MS = 2_147_483_647;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ session?: Session; ended?: SessionEnd }>(() => {
    const restored = restoreSession(sessionStorage, Date.now());
    return restored === undefined ? {} : restored.ok ? { session: restored.session } : { ended: restored.reason };
  });

  const signOut = useCallback(
    (reason: SessionEnd = 'signed_out') => {
      forgetToken(sessionStorage);
      queryClient.clear();
      setState((current) => (current.session ? { ended: reason } : current));
    },
    [queryClient],
  );

  const signIn = useCallback((pasted: string) => {
    const read = readToken(pasted, Date.now());
    if (read.ok) {
      storeToken(sessionStorage, read.session.token);
      setState({ session: read.session });
    }
    return read;
  }, []);

  const token = state.session?.token;
  configureApi({ token: () => token, onUnauthorized: () => signOut('unauthorized') });

  // The token's own expiry ends the session even when nothing is being fetched.
  const expiresAt = state.session?.expiresAt;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const timer = setTimeout(() => signOut('expired'), Math.min(Math.max(expiresAt - Date.now(), 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [expiresAt, signOut]);

  const value = useMemo(() => ({ session: state.session, ended: state.ended, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside <SessionProvider>');
  return state;
}

/** The signed-in caller (undefined on the sign-in page). */
export const useIdentity = (): Identity | undefined => useSession().session?.identity;
