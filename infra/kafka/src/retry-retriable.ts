/**
 * Runs a broker request again while it fails with an error kafkajs marks retriable (e.g. NOT_LEADER_FOR_PARTITION
 * for a moment after a topic was created, or during a leader change): some admin calls give up on those at once.
 */
export async function retryRetriable<T>(request: () => Promise<T>, attempts = 8, firstDelayMs = 50): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const retriable = (error as { retriable?: unknown } | null)?.retriable === true;
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, firstDelayMs * 2 ** (attempt - 1))));
    }
  }
}
