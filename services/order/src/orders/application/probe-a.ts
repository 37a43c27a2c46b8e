import type { B } from './probe-b';

export interface A {
  b?: B;
}
