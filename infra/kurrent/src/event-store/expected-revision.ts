import { WrongExpectedRevisionError, type ExpectedRevision } from '@aftersales/kernel';

/** `current` is the stream's last revision, -1 when the stream does not exist. */
export function assertExpectedRevision(streamId: string, expected: ExpectedRevision, current: number): void {
  const holds =
    expected === 'any' || (expected === 'no_stream' && current === -1) || (expected === 'exists' && current >= 0) || expected === current;
  if (!holds) throw new WrongExpectedRevisionError(streamId, expected, current < 0 ? 'no_stream' : current);
}
