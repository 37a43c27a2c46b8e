import { trackingKeyOf } from './tracking-key';

describe('tracking key', () => {
  it('given the same parcel written with other case and spaces, then the key is the same', () => {
    expect(trackingKeyOf(' SF ', 'sf1234 ')).toBe(trackingKeyOf('sf', 'SF1234'));
    expect(trackingKeyOf('sf', 'SF1234')).toBe('sf:SF1234');
  });

  it('given another carrier, then the key differs', () => {
    expect(trackingKeyOf('yto', 'SF1234')).not.toBe(trackingKeyOf('sf', 'SF1234'));
  });
});
