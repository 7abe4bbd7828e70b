/**
 * Keeps the position in an async iterable of cloud items so a tree can show one page and, on
 * "Load more…", continue from where it stopped instead of listing everything up front.
 */
export class PagedList<T> {
  private readonly items: T[] = [];
  private iterator: AsyncIterator<T> | undefined;
  private finished = false;

  constructor(
    private readonly source: () => AsyncIterable<T>,
    readonly pageSize: number,
  ) {}

  /** Items loaded so far. */
  get loaded(): readonly T[] {
    return this.items;
  }

  get hasMore(): boolean {
    return !this.finished;
  }

  /** Loads until at least `count` items are held or the source ends. */
  async ensure(count: number): Promise<void> {
    this.iterator ??= this.source()[Symbol.asyncIterator]();
    while (!this.finished && this.items.length < count) {
      const next = await this.iterator.next();
      if (next.done) this.finished = true;
      else this.items.push(next.value);
    }
  }

  /** Loads one more page. */
  async loadNextPage(): Promise<void> {
    await this.ensure(this.items.length + this.pageSize);
  }
}
