/** A set that forgets its oldest members beyond `capacity` (insertion order). */
export class RecentSet {
  private readonly members = new Set<string>();

  constructor(private readonly capacity: number) {}

  add(member: string): void {
    this.members.delete(member);
    this.members.add(member);
    if (this.members.size > this.capacity) this.members.delete(this.members.values().next().value!);
  }

  /** True when it was a member (and is no longer). */
  delete(member: string): boolean {
    return this.members.delete(member);
  }
}
