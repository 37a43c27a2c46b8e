import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CALLER_ROLES, isCallerRole, mintToken } from '@aftersales/nest';
import { authConfigFromEnv } from '../config';
import { authSecretFileOf, readDataDirSecret } from '../auth/data-dir-secret';

const USAGE =
  'usage: pnpm token --role <role> --sub <id> [--shops shop-1,shop-2] [--ttl 8h]\n' +
  `  role: ${CALLER_ROLES.join(', ')}; ttl: e.g. 30m, 8h, 7d (default 8h).\n` +
  '  Signs an HS256 token with AFTERSALES_AUTH_SECRET, or with the secret pnpm start generated into the data\n' +
  '  directory (AFTERSALES_DATA_DIR, default ./data); prints only the token: TOKEN=$(pnpm -s token --role buyer --sub buyer-1)';

/** `pnpm token`: a token for local use, printed alone on stdout. Returns the exit code. */
interface Writable {
  write(text: string): unknown;
}

export async function runToken(args: string[], env: NodeJS.ProcessEnv = process.env, out: Writable = process.stdout, err: Writable = process.stderr): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { role: { type: 'string' }, sub: { type: 'string' }, shops: { type: 'string' }, ttl: { type: 'string', default: '8h' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    err.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const { role, sub, ttl } = values;
  if (!role || !isCallerRole(role) || !sub?.trim() || !/^\d+[smhdw]$/.test(ttl ?? '')) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  const auth = authConfigFromEnv(env);
  const dataDir = resolve(env.AFTERSALES_DATA_DIR ?? 'data');
  const secret = auth.mode === 'hs256' ? auth.secret : auth.mode === 'data-dir-secret' ? readDataDirSecret(dataDir) : undefined;
  if (!secret) {
    err.write(
      auth.mode === 'data-dir-secret'
        ? `No secret yet: ${authSecretFileOf(dataDir)} is made by the first pnpm start (or set AFTERSALES_AUTH_SECRET)\n`
        : `pnpm token signs HS256 tokens; with AFTERSALES_AUTH=${env.AFTERSALES_AUTH ?? 'jwks'} ask your identity provider for one\n`,
    );
    return 1;
  }
  const shopIds = (values.shops ?? '').split(',').map((shop) => shop.trim()).filter((shop) => shop.length > 0);
  const issuer = auth.mode === 'hs256' ? auth.issuer : undefined;
  const audience = auth.mode === 'hs256' ? auth.audience : undefined;
  out.write(`${await mintToken({ secret, sub: sub.trim(), role, shopIds, ttl: ttl!, issuer, audience })}\n`);
  return 0;
}

if (require.main === module) {
  runToken(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
