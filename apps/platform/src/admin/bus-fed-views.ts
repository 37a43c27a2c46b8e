import type { BusFedView, GroupReplayer, ReadModelStore } from '@aftersales/kernel';

export interface BusFedRebuild {
  name: string;
  source: 'bus';
  /** Messages the group handled while catching up again. */
  events: number;
  ms: number;
}

/**
 * Rebuilds the read models fed from the bus: drops the view's documents, processed ids and checkpoint while its
 * group is stopped, then replays the group from the start of its topics. Rebuilds of one group run one at a time.
 */
export class BusFedViews {
  private readonly byName: ReadonlyMap<string, BusFedView>;
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    views: readonly BusFedView[],
    private readonly readModels: ReadModelStore,
    private readonly replayers: readonly GroupReplayer[],
  ) {
    this.byName = new Map(views.map((view) => [view.name, view]));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  checkpoint(name: string): Promise<number> {
    return this.readModels.checkpoint(this.view(name).projection);
  }

  rebuild(name: string): Promise<BusFedRebuild> {
    const view = this.view(name);
    const replayer = this.replayers.find((candidate) => candidate.consumesGroup(view.group));
    if (!replayer) return Promise.reject(new Error(`no consumer of group '${view.group}' runs in this process`));
    const previous = this.running.get(view.group) ?? Promise.resolve();
    const next = previous.then(async (): Promise<BusFedRebuild> => {
      const started = performance.now();
      const { messages } = await replayer.replay(view.group, () => this.readModels.reset(view.projection, [...view.collections]));
      return { name, source: 'bus', events: messages, ms: Math.round(performance.now() - started) };
    });
    this.running.set(
      view.group,
      next.catch(() => undefined),
    );
    return next;
  }

  private view(name: string): BusFedView {
    const view = this.byName.get(name);
    if (!view) throw new Error(`unknown bus-fed view ${name}`);
    return view;
  }
}
