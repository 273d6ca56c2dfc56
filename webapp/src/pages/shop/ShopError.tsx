import { useEffect, useRef } from 'preact/hooks';
import { ProblemError } from '../../api/problem';
import { useI18n } from '../../i18n';
import { keyFor } from '../../ui/labels';
import { ErrorBox } from '../../ui/states';

/**
 * A refusal in the user's language: the problem's stable `type` picks a translated title (shop.problem.<slug>),
 * the server's detail says what exactly (it names the field or the rule). Focused, so a phone scrolls to it.
 */
export function ShopError({ error, id }: { error: unknown; id?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  if (!(error instanceof ProblemError)) return <ErrorBox error={error} />;
  const slug = (error.problem.type ?? '').split('/').pop() ?? '';
  const titleKey = keyFor('shop.problem', slug);
  return (
    <div class="error" role="alert" id={id} ref={ref} tabIndex={-1} data-problem={slug} data-status={error.status}>
      <p class="error-title">{titleKey ? t(titleKey) : (error.problem.title ?? t('problem.status', { status: error.status }))}</p>
      {error.problem.detail && <p class="error-detail">{error.problem.detail}</p>}
    </div>
  );
}
