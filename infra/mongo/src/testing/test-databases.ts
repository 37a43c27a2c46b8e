import { MongoClient } from 'mongodb';

/** Drops the named databases that the server holds, and answers the names it dropped. For test systems' databases. */
export async function dropTestDatabases(url: string, names: readonly string[]): Promise<string[]> {
  const client = new MongoClient(url);
  try {
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    const wanted = new Set(names);
    const ours = databases.map((database) => database.name).filter((each) => wanted.has(each));
    for (const each of ours) await client.db(each).dropDatabase();
    return ours;
  } finally {
    await client.close();
  }
}
