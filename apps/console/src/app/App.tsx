import { useMemo } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { SessionProvider } from '../auth/SessionProvider';
import { useLocale } from '../i18n/useLocale';
import { routes } from './routes';

/** A 4xx will answer the same again (and a 401 already sent the viewer to sign-in): only other failures are retried. */
const retry = (failures: number, error: unknown): boolean => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry, refetchOnWindowFocus: true, staleTime: 2_000 },
    mutations: { retry: false },
  },
});

const router = createBrowserRouter(routes, { basename: '/console' });

/** The providers, outermost first: data (TanStack Query), the session, antd in the viewer's language, the routes. */
export function App() {
  const { language } = useLocale();
  const locale = useMemo(() => (language === 'en' ? enUS : zhCN), [language]);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <ConfigProvider locale={locale}>
          <AntApp>
            <RouterProvider router={router} />
          </AntApp>
        </ConfigProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}
