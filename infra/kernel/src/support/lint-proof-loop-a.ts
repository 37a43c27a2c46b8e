// Throwaway: half of a two-file import loop; lint must refuse it.
import { loopB } from './lint-proof-loop-b';

export const loopA = (): number => loopB() + 1;
