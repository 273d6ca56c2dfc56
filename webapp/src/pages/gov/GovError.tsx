import { useEffect, useRef } from 'preact/hooks';
import { ProblemError } from '../../api/problem';
import { useI18n, type MessageKey } from '../../i18n';
import { readProblemDetail } from '../../lib/gov';
import { keyFor } from '../../ui/labels';
import { ErrorBox } from '../../ui/states';

/**
 * A refusal in the user's language: the problem's stable `type` names a translated title, and the validation
 * details we know the shape of ("<field> must be within a..b but was c", "<field> is required") are rebuilt from
 * their parts with the field's translated label. Anything else shows the server's own title and detail.
 */
export function GovError({ error, id, onRetry }: { error: unknown; id?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // On a phone the refusal may be below the fold: bring it into view (and to screen readers' focus).
  useEffect(() => ref.current?.focus(), [error]);
  if (!(error instanceof ProblemError)) return <ErrorBox error={error} onRetry={onRetry} />;
  const slug = (error.problem.type ?? '').split('/').pop() ?? '';
  const titleKey = keyFor('gov.problem', slug);
  const reading = readProblemDetail(error.problem.detail);
  let detail = error.problem.detail;
  if (reading) {
    const field = fieldLabel(t, reading.field);
    detail = reading.kind === 'bounds'
      ? t('gov.err.bounds', { field, min: reading.min, max: reading.max, value: reading.value })
      : t('gov.err.required', { field });
  }
  return (
    <div class="error" role="alert" id={id} ref={ref} tabIndex={-1} data-problem={slug} data-status={error.status}>
      <p class="error-title">{titleKey ? t(titleKey) : (error.problem.title ?? t('problem.status', { status: error.status }))}</p>
      {detail && <p class="error-detail">{detail}</p>}
    </div>
  );
}

/** "policy.commissionBps[1]" → the label of commissionBps, with the level; unknown names stay as they are. */
function fieldLabel(t: (k: MessageKey, p?: Record<string, string | number>) => string, path: string): string {
  const m = /([A-Za-z]+)(?:\[(\d+)\])?$/.exec(path);
  const k = m ? keyFor('gov.field', m[1]) : undefined;
  if (!m || !k) return path;
  return m[2] !== undefined ? `${t(k)} (${Number(m[2]) + 1})` : t(k);
}
