import { DomainError } from '../errors';

/** How a service logs what it decided not to throw. */
export type ServiceLog = (message: string, details?: Record<string, unknown>) => void;

/** A bus reaction the domain refused. */
export interface RefusedReaction {
  outcome: 'refused';
  code: string;
  message: string;
}

/**
 * Runs one reaction to a bus event. A refusal (DomainError) is final — a redelivery would be refused again — so it is
 * logged and returned; any other error throws, and the bus delivers the event again.
 */
export async function react<T>(event: { type: string; eventId: string }, log: ServiceLog, action: () => Promise<T>): Promise<T | RefusedReaction> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    log(`${event.type} ${event.eventId} refused: ${error.message}`, { code: error.code });
    return { outcome: 'refused', code: error.code, message: error.message };
  }
}

export const isRefused = (value: unknown): value is RefusedReaction =>
  typeof value === 'object' && value !== null && (value as { outcome?: unknown }).outcome === 'refused';
