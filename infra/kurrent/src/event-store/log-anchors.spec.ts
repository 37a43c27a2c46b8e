import { LogAnchors } from './log-anchors';

const at = (offset: number) => ({ commit: BigInt(offset), prepare: BigInt(offset) });

describe('LogAnchors', () => {
  it('given no anchor learnt, then every position is read from the start of $all', () => {
    expect(new LogAnchors().fromFor(42)).toEqual({ firstPosition: 1, from: undefined });
  });

  it('given anchors learnt from appends, then a position is read from the nearest anchor at or below it', () => {
    const anchors = new LogAnchors();
    anchors.add(4, at(1_300));
    anchors.add(9, at(2_900));

    expect(anchors.fromFor(3)).toEqual({ firstPosition: 1, from: undefined });
    expect(anchors.fromFor(4)).toEqual({ firstPosition: 4, from: at(1_300) });
    expect(anchors.fromFor(8)).toEqual({ firstPosition: 4, from: at(1_300) });
    expect(anchors.fromFor(50)).toEqual({ firstPosition: 9, from: at(2_900) });
  });

  it('given an anchor behind the last one, then it is ignored: anchors only move forwards', () => {
    const anchors = new LogAnchors();
    anchors.add(9, at(2_900));

    anchors.add(5, at(1_700));

    expect(anchors.fromFor(6)).toEqual({ firstPosition: 1, from: undefined });
  });
});
