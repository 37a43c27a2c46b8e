import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** How long after a command its lists are read once more: they are read models that follow the command a moment later. */
export const REREAD_AFTER_MS = 2_000;

/** Reads the queries under `queryKey` again now, and once more when the read models fed by the command have caught up. */
export function refreshAfterCommand(client: QueryClient, queryKey: QueryKey): Promise<void> {
  setTimeout(() => void client.invalidateQueries({ queryKey }), REREAD_AFTER_MS);
  return client.invalidateQueries({ queryKey });
}
