import { CapabilityModule, capabilityModule, reactionsUnlessOff } from './capability-module';

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

describe('CapabilityModule', () => {
  class WithReactions extends CapabilityModule<{ name: string }>({ token: TOKEN, controllers: [HttpController], reactions: ReactionsController }) {}
  class ReadOnly extends CapabilityModule<{ name: string }>({ token: TOKEN, controllers: [HttpController] }) {}
  const facade = { name: 'facade' };

  it('registers the subclass itself, its controllers and reactions on the facade', () => {
    expect(WithReactions.register(facade)).toEqual({
      module: WithReactions,
      controllers: [HttpController, ReactionsController],
      providers: [{ provide: TOKEN, useValue: facade }],
      exports: [TOKEN],
    });
  });

  it('leaves the reactions out when the options say so, and mounts none the capability does not have', () => {
    expect(WithReactions.register(facade, { reactions: false }).controllers).toEqual([HttpController]);
    expect(ReadOnly.register(facade)).toMatchObject({ module: ReadOnly, controllers: [HttpController] });
  });
});
