import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

type Loader<P> = () => Promise<ComponentType<P>>;

/**
 * Code-splits a screen without preact/compat's Suspense. The start page ships alone;
 * the service worker precaches every chunk, so a split never costs an offline user
 * (and no idle preloading is needed).
 */
export function lazyPage<P extends object>(
  load: Loader<P>,
): ComponentType<P> & {
  preload: () => Promise<unknown>;
} {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (c) => {
        loaded = c;
        return c;
      },
      (e: unknown) => {
        pending = null;
        throw e;
      },
    );
    return pending;
  };

  function LazyPage(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded || failed) return;
      let active = true;
      preload().then(
        () => active && setReady((n) => n + 1),
        () => active && setFailed(true),
      );
      return () => {
        active = false;
      };
    }, [failed]);
    const Page = loaded;
    if (Page) return <Page {...props} />;
    if (failed) {
      return (
        <div class="page" role="alert">
          <p>{t('app.chunkError')}</p>
          <p>
            <button type="button" class="btn" onClick={() => setFailed(false)}>
              {t('app.retry')}
            </button>
          </p>
        </div>
      );
    }
    return (
      <p class="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  return Object.assign(LazyPage, { preload });
}
