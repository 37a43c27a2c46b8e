import common from './common';
import queue from '../views/queue/messages';
import caseFile from '../views/case-file/messages';
import supervisor from '../views/supervisor/messages';
import finance from '../views/finance/messages';
import shop from '../views/shop/messages';
import platform from '../views/platform/messages';

/** Every view's messages.ts, one namespace each: `useTranslation('queue')` reads views/queue/messages.ts. */
const NAMESPACES = { common, queue, caseFile, supervisor, finance, shop, platform };

import { LANGUAGES, type Language } from './language';

type Namespaces = typeof NAMESPACES;
export const resources = Object.fromEntries(
  LANGUAGES.map((language) => [language, Object.fromEntries(Object.entries(NAMESPACES).map(([name, messages]) => [name, messages[language]]))]),
) as Record<Language, { [N in keyof Namespaces]: Namespaces[N][Language] }>;
