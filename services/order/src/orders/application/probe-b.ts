import type { A } from './probe-a';

export interface B {
  a?: A;
}
