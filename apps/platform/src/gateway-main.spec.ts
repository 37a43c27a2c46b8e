import { gatewayProcessesFromEnv } from './gateway-main';

describe('gatewayProcessesFromEnv', () => {
  it('given processes as <services>=<url>, then each is routed by its services with the service key', () => {
    expect(gatewayProcessesFromEnv('order+timeline=http://order:3000/, logistics=http://logistics:3000', 'key-1')).toEqual([
      { name: 'order', services: ['order', 'timeline'], url: 'http://order:3000', serviceKey: 'key-1' },
      { name: 'logistics', services: ['logistics'], url: 'http://logistics:3000', serviceKey: 'key-1' },
    ]);
  });

  it('given an entry without a url, or none at all, then it refuses naming the variable', () => {
    expect(() => gatewayProcessesFromEnv('order', undefined)).toThrow(/AFTERSALES_GATEWAY_ROUTES: 'order'/);
    expect(() => gatewayProcessesFromEnv('', undefined)).toThrow(/AFTERSALES_GATEWAY_ROUTES is empty/);
  });
});
