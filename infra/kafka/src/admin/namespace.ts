import { Kafka, logLevel } from 'kafkajs';

/**
 * Deletes every topic and consumer group whose name starts with `prefix` (a test run's namespace, see the runtime's
 * AFTERSALES_TOPIC_PREFIX), so runs against a shared broker leave nothing behind. Returns what it deleted.
 */
export async function deleteNamespace(brokers: string[], prefix: string): Promise<{ topics: string[]; groups: string[] }> {
  if (prefix.length === 0) throw new Error('refusing to delete a namespace without a prefix: that would be everything');
  const admin = new Kafka({ clientId: 'aftersales-namespace-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((group) => group.groupId).filter((id) => id.startsWith(prefix));
    if (groups.length > 0) await admin.deleteGroups(groups);
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 });
    return { topics, groups };
  } finally {
    await admin.disconnect();
  }
}
