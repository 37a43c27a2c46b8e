// Throwaway: the other half of the loop.
import { loopA } from './lint-proof-loop-a';

export const loopB = (): number => (typeof loopA === 'function' ? 0 : 1);
