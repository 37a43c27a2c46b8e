import type { RouteObject } from 'react-router';
import { RequireSession } from '../auth/RequireSession';
import { SignInPage } from '../auth/SignInPage';
import { AppLayout } from './AppLayout';

/** Each view is its own chunk, loaded when first opened: `page(() => import('../views/x/XPage'))`. */
const page = (load: () => Promise<{ default: React.ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

/**
 * The route table (basename /console, CONSOLE.md "Routes"). A view is added here with its folder under views/, its
 * messages.ts in i18n/resources.ts and, when a role works with it daily, an entry in app/menu.ts.
 */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, ...page(() => import('../views/queue/QueuePage')) },
      { path: 'orders/:orderId', ...page(() => import('../views/case-file/CaseFilePage')) },
      { path: 'supervisor', ...page(() => import('../views/supervisor/SupervisorPage')) },
      { path: 'finance', ...page(() => import('../views/finance/FinancePage')) },
      { path: 'shops/:shopId', ...page(() => import('../views/shop/ShopPage')) },
      { path: 'platform', ...page(() => import('../views/platform/PlatformPage')) },
      { path: '*', ...page(() => import('./NotFoundPage')) },
    ],
  },
];
