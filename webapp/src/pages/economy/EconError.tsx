import { useEffect, useRef } from 'preact/hooks';
import { ProblemError } from '../../api/problem';
import { useI18n } from '../../i18n';
import { keyFor } from '../../ui/labels';
import { ErrorBox } from '../../ui/states';

/**
 * A refusal as the server said it (RFC 9457): a translated title for the stable `type` where we have one
 * (econ.problem.<slug>), else the server's title, and always the server's detail. Focused, so a phone scrolls to it.
 */
export function EconError({ error, id }: { error: unknown; id?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  if (!(error instanceof ProblemError)) return <ErrorBox error={error} />;
  const slug = (error.problem.type ?? '').split('/').pop() ?? '';
  const titleKey = keyFor('econ.problem', slug);
  return (
    <div class="error" role="alert" id={id} ref={ref} tabIndex={-1} data-problem={slug} data-status={error.status}>
      <p class="error-title">{titleKey ? t(titleKey) : (error.problem.title ?? t('problem.status', { status: error.status }))}</p>
      {error.problem.detail && <p class="error-detail">{error.problem.detail}</p>}
    </div>
  );
}

/** Runs one user action with busy and error state; the error stays until the next action. */
export async function act(setBusy: (b: boolean) => void, setError: (e: unknown) => void, work: () => Promise<void>) {
  setBusy(true);
  setError(undefined);
  try {
    await work();
  } catch (e) {
    setError(e);
  } finally {
    setBusy(false);
  }
}

export const newKey = (): string => crypto.randomUUID();
