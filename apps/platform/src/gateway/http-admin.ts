import type { ProcessAdmin } from './coordinator';
import { expectJson, type ServiceProcess } from './process-client';

/** ProcessAdmin over a service process's admin endpoints (see admin/*.controller.ts). */
export function httpProcessAdmin(process: ServiceProcess): ProcessAdmin {
  return {
    name: process.name,
    settle: async () => {
      const { head, lag } = await expectJson<{ head: number; lag: number }>(process, 'POST', '/admin/settle', {});
      return { head, lag };
    },
    nextTimer: async () => (await expectJson<{ dueAt: string | null }>(process, 'GET', '/admin/timers/next')).dueAt,
    now: async () => (await expectJson<{ now: string }>(process, 'GET', '/admin/clock')).now,
    setClock: async (to) => void (await expectJson(process, 'POST', '/admin/clock/set', { to })),
    fireDue: async () => (await expectJson<{ fired: number }>(process, 'POST', '/admin/timers/fire-due', {})).fired,
  };
}
