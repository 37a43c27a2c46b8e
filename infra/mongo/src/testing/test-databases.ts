import { MongoClient } from 'mongodb';

/**
 * Drops every database of the server whose name is `name` or starts with `name-` (a multi-process system names each
 * process's database `<name>-<process>`), and answers the names it dropped. For test systems, each on its own databases.
 */
export async function dropTestDatabases(url: string, name: string): Promise<string[]> {
  const client = new MongoClient(url);
  try {
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    const ours = databases.map((database) => database.name).filter((each) => each === name || each.startsWith(`${name}-`));
    for (const each of ours) await client.db(each).dropDatabase();
    return ours;
  } finally {
    await client.close();
  }
}
