import { capabilityModule, reactionsUnlessOff } from './capability-module';

class SomeModule {}
class HttpController {}
class ReactionsController {}
const TOKEN = Symbol('Facade');

describe('capabilityModule', () => {
  it('provides and exports the facade under its token, beside the extra providers', () => {
    const facade = { name: 'facade' };
    const extra = { provide: 'flag', useValue: true };

    const module = capabilityModule(SomeModule, { token: TOKEN, value: facade, controllers: [HttpController], providers: [extra] });

    expect(module).toEqual({
      module: SomeModule,
      controllers: [HttpController],
      providers: [{ provide: TOKEN, useValue: facade }, extra],
      exports: [TOKEN],
    });
  });

  it('mounts the reactions controller unless the options turn the reactions off', () => {
    expect(reactionsUnlessOff({}, ReactionsController)).toEqual([ReactionsController]);
    expect(reactionsUnlessOff({ reactions: true }, ReactionsController)).toEqual([ReactionsController]);
    expect(reactionsUnlessOff({ reactions: false }, ReactionsController)).toEqual([]);
  });
});
