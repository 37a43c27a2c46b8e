/**
 * Last revision of recently written streams. The store is the only writer of its file, so a cached
 * revision stays true until the store itself appends; past `capacity` the entry written first is dropped
 * (an update keeps its place: no delete and re-insert on every append, and a dropped entry only costs a read).
 */
export class RevisionCache {
  private readonly revisions = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): number | undefined {
    return this.revisions.get(streamId);
  }

  set(streamId: string, revision: number): void {
    this.revisions.set(streamId, revision);
    if (this.revisions.size > this.capacity) this.revisions.delete(this.revisions.keys().next().value as string);
  }

  clear(): void {
    this.revisions.clear();
  }
}
