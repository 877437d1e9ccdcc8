import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { router } from './router';
import { authKeys } from './features/auth/hooks';
import { isApiError } from './api/client';

/** A lost session signs the user out everywhere; a pending one-time password sends them to change it. */
function onApiError(error: unknown) {
  if (isApiError(error, 'AUTH_REQUIRED')) queryClient.setQueryData(authKeys.me(), null);
  else if (isApiError(error, 'PASSWORD_CHANGE_REQUIRED'))
    void queryClient.invalidateQueries({ queryKey: authKeys.me() });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors (4xx) will not go away by retrying.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const THEME = {
  token: {
    colorPrimary: '#1a56a8',
    colorLink: '#1a56a8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'",
  },
  components: {
    Layout: { headerHeight: 64, bodyBg: '#f5f6f8' },
  },
};

export function App() {
  return (
    <ConfigProvider locale={viVN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
