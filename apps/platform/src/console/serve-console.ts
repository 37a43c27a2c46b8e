import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import serveStatic from 'serve-static';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from '@aftersales/nest';

/** Where the console is served: the page at /console, its files under /console/. */
export const CONSOLE_PATH = '/console';

export const isConsolePath = (pathname: string): boolean => pathname === CONSOLE_PATH || pathname.startsWith(`${CONSOLE_PATH}/`);

/**
 * The built console (apps/console/dist, made by `pnpm build`): from src/console or dist/console of apps/platform it is
 * three folders up; AFTERSALES_CONSOLE_DIR points elsewhere (a console built apart from the platform).
 */
export const consoleDirectory = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.AFTERSALES_CONSOLE_DIR ?? join(__dirname, '..', '..', '..', 'console', 'dist'));

/** Vite names every built asset by its content hash: an asset URL never changes content, so browsers keep it for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page itself is asked for again each time (it names the current assets). */
const REVALIDATE = 'no-cache';

/**
 * False when no parse of `url` can name the console: its path would have to spell `console`, which a URL parser neither
 * decodes (%63onsole stays so) nor changes case of, only strips tabs and line breaks from. Spares the API's requests a
 * URL parse each.
 */
const mayBeConsole = (url: string): boolean => /console|[\t\n\r]/.test(url);

export type ConsoleHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Serves the console on GET/HEAD /console and /console/*, with serve-static: hashed assets (/console/assets/…) cacheable
 * for a year and a missing one a 404; any other path the page (index.html), where the console's router takes over
 * (/console/orders/o-1 opens that case file). Not built → 503 problem+json saying to run `pnpm build`. The console is
 * public like /docs: it holds no data, every call it makes carries the viewer's token. Other paths go to `next`.
 */
export function serveConsole(directory: string = consoleDirectory()): ConsoleHandler {
  const files = serveStatic(directory, {
    index: false,
    fallthrough: true,
    redirect: false,
    etag: true,
    lastModified: true,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.startsWith(join(directory, 'assets')) ? IMMUTABLE : REVALIDATE),
  });
  const page = join(directory, 'index.html');

  return (req, res, next) => {
    if (!mayBeConsole(req.url ?? '/')) return next();
    const url = new URL(req.url ?? '/', 'http://console');
    if (!isConsolePath(url.pathname)) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendProblem(res, problem(405, 'method_not_allowed', `${req.method} ${url.pathname}: the console is a page, read with GET`));
    }
    if (!existsSync(page)) {
      return sendProblem(res, problem(503, 'console_not_built', `The console is not built (no ${page}): run pnpm build, then reload`));
    }
    const relative = url.pathname.slice(CONSOLE_PATH.length) || '/';
    const originalUrl = req.url;
    const restore = () => void (req.url = originalUrl);
    req.url = `${relative}${url.search}`;
    files(req as never, res as never, () => {
      if (relative.startsWith('/assets/')) {
        restore();
        return sendProblem(res, problem(404, 'not_found', `No console asset ${url.pathname} (the page names the current ones: reload it)`));
      }
      // Any other path is a route of the console's own router: the page, which reads the path itself.
      req.url = '/index.html';
      files(req as never, res as never, () => {
        restore();
        sendProblem(res, problem(503, 'console_not_built', 'The console page could not be read: run pnpm build, then reload'));
      });
    });
  };
}

function sendProblem(res: ServerResponse, details: ProblemDetails): void {
  const text = JSON.stringify(details);
  res.writeHead(details.status, { 'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}
