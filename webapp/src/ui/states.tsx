import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ProblemError } from '../api/problem';
import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="state" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> {t('state.loading')}
    </p>
  );
}

export function Empty({ children }: { children?: ComponentChildren }) {
  const { t } = useI18n();
  return <p class="state empty">{children ?? t('state.empty')}</p>;
}

/** A problem's title and detail (the API answers in the user's language where it can), else a plain message. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  let title = t('error.title');
  let detail: string | undefined;
  if (error instanceof ProblemError) {
    title = error.problem.title ?? t('problem.status', { status: error.status });
    detail = error.problem.detail;
  } else if (error instanceof TypeError) {
    detail = t('error.network');
  } else if (error instanceof Error) {
    detail = error.message;
  }
  return (
    <div class="error" role="alert">
      <p class="error-title">{title}</p>
      {detail && <p class="error-detail">{detail}</p>}
      {onRetry && (
        <button type="button" class="secondary" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export type Async<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

/** Runs a load on mount and whenever `deps` change; `reload` runs it again. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[] = []): [Async<T>, () => void] {
  const [result, setResult] = useState<Async<T>>({ state: 'loading' });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      (error) => live && setResult({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, n]);
  return [result, () => setN((x) => x + 1)];
}

/** Renders loading / error / value of an Async. */
export function Show<T>({ value, retry, children }: { value: Async<T>; retry?: () => void; children: (v: T) => ComponentChildren }) {
  if (value.state === 'loading') return <Loading />;
  if (value.state === 'error') return <ErrorBox error={value.error} onRetry={retry} />;
  return <>{children(value.value)}</>;
}
