import { useI18n } from '../../i18n';
import { keyFor } from '../../ui/labels';

/** An order's state in words; data-status keeps the API's value for tests and styles. */
export function StatusBadge({ status }: { status?: string }) {
  const { t } = useI18n();
  const k = keyFor('orders.status', status ?? '');
  const done = status === 'COMPLETED' || status === 'DELIVERED';
  return (
    <span class={`badge order-status${done ? ' verified' : ''}`} data-status={status}>
      {k ? t(k) : status}
    </span>
  );
}
