import { DomainError } from '../errors';

/** The DomainError a command's promise is refused with; anything else it rejects with, or resolving, fails the test. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
