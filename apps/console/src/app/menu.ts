import type { Identity } from '../auth/session';

/** A menu entry: the route (under /console) and the common:menu.<label> it shows. */
export interface MenuEntry {
  key: string;
  path: string;
  label: 'queue' | 'supervisor' | 'finance' | 'shop' | 'platform';
  shopId?: string;
}

const QUEUE: MenuEntry = { key: 'queue', path: '/', label: 'queue' };
const shopEntries = (identity: Identity): MenuEntry[] =>
  identity.shopIds.map((shopId) => ({ key: `shop:${shopId}`, path: `/shops/${encodeURIComponent(shopId)}`, label: 'shop', shopId }));

/**
 * What each role works with (CONSOLE.md, "Routes"): an agent the queue; a supervisor the queue and the supervisor
 * view; the platform its own view and the queue of all shops; finance its own; shop staff their shops' pages. A case
 * file opens from any list. The server refuses what a role may not do anyway; the menu only leaves out what it cannot use.
 */
export function menuFor(identity: Identity): MenuEntry[] {
  switch (identity.role) {
    case 'agent':
      return [QUEUE, ...shopEntries(identity)];
    case 'supervisor':
      return [QUEUE, { key: 'supervisor', path: '/supervisor', label: 'supervisor' }, ...shopEntries(identity)];
    case 'platform':
      return [{ key: 'platform', path: '/platform', label: 'platform' }, QUEUE];
    case 'finance':
      return [{ key: 'finance', path: '/finance', label: 'finance' }];
    default:
      return [];
  }
}

/** Where a role lands after signing in: its first menu entry (the queue when it has none). */
export const homeOf = (identity: Identity): string => menuFor(identity)[0]?.path ?? '/';

/** The menu entry a location belongs to (for the selected highlight). */
export function selectedKeyOf(entries: MenuEntry[], pathname: string): string | undefined {
  const match = entries.filter((entry) => (entry.path === '/' ? pathname === '/' : pathname === entry.path || pathname.startsWith(`${entry.path}/`)));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.key;
}
