import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { ErrorBox, Loading } from '../../ui/states';
import { publicJson } from './data';
import AuditOverview from './AuditOverview';
import AuditEntry from './AuditEntry';
import ChainTx from './ChainTx';
import './audit.css';

/**
 * The public audit explorer (issue 10, item 5). Routes: /audit (checkpoint, anchors, entries),
 * /audit/entries/:index (one entry and its in-browser verification), /audit/receipts/:entryId (an audit receipt's
 * entry id, as other screens hold it, resolved to its leaf index), /audit/tx/:hash (an anchor transaction, read
 * from the chain).
 */
export default function AuditExplorer({ path }: { path: string }) {
  const parts = path.replace(/\/+$/, '').split('/').slice(2);
  if (parts[0] === 'entries' && /^\d+$/.test(parts[1] ?? '')) return <AuditEntry index={Number(parts[1])} />;
  if (parts[0] === 'receipts' && /^\d+$/.test(parts[1] ?? '')) return <Receipt entryId={parts[1]!} />;
  if (parts[0] === 'tx' && /^0x[0-9a-fA-F]{64}$/.test(parts[1] ?? '')) return <ChainTx hash={parts[1]!} />;
  return <AuditOverview />;
}

function Receipt({ entryId }: { entryId: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    publicJson<{ index: number }>(`/api/v1/audit/entries/by-entry-id/${entryId}`).then(
      (e) => navigate(`/audit/entries/${e.index}`, true),
      setError,
    );
  }, [entryId]);
  if (error) return <ErrorBox error={error} />;
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.receipt.resolving')}</p>
      <Loading />
    </>
  );
}
