import { Center, Loader } from '@mantine/core';
import { type ComponentType, lazy, type ReactElement, Suspense } from 'react';
import { type FeatureName, loadFeatures } from '../i18n/index.js';

/**
 * A page loaded on demand, with the translations of the features it shows: the citizen's first page carries neither
 * the officials' and administrators' pages nor their strings. The chunk and the strings load in parallel.
 */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
  features: readonly FeatureName[],
): ReactElement {
  const Page = lazy(async () => {
    const [m] = await Promise.all([load(), loadFeatures(features)]);
    return { default: m[name] as ComponentType };
  });
  return (
    <Suspense fallback={<PageLoader />}>
      <Page />
    </Suspense>
  );
}

function PageLoader() {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-label="Đang tải… / Loading…" />
    </Center>
  );
}
