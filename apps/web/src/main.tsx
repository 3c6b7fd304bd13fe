import '@mantine/core/styles.css';
import './styles.css';
import './i18n/index.js';
import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  Loader,
  MantineProvider,
  parseThemeColor,
} from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.js';

// WCAG AA contrast (checked by e2e/accessibility.spec.ts): filled colours one shade darker than Mantine's
// default, and text of light/subtle/outline variants at shade 9 on their pale backgrounds.
const theme = createTheme({
  primaryColor: 'red',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  variantColorResolver: (input) => {
    const colors = defaultVariantColorsResolver(input);
    const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
    if (
      parsed.isThemeColor &&
      parsed.shade === undefined &&
      ['light', 'subtle', 'outline'].includes(input.variant ?? '')
    ) {
      const text = `color-mix(in srgb, var(--mantine-color-${parsed.color}-9) 65%, black)`;
      return {
        ...colors,
        color: text,
        hoverColor: text,
        border: input.variant === 'outline' ? `1px solid ${text}` : colors.border,
      };
    }
    return colors;
  },
  defaultRadius: 'md',
  // A labelled loader must carry a role: axe refuses aria-label on a bare <span> (aria-prohibited-attr).
  components: { Loader: Loader.extend({ defaultProps: { role: 'status' } }) },
  fontFamily: 'system-ui, "Segoe UI", Roboto, sans-serif',
});
// Links at shade 9 too (Mantine injects its own anchor colour after our stylesheet, so set it here).
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-anchor': 'var(--mantine-color-red-9)' },
  dark: {},
});
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

// The offline page for a weak network (public/sw.js); only the built app registers it, never the dev server.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js').catch(() => {});
  });
}
