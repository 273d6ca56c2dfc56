import { useI18n } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { Link } from '../../ui/Link';
import { Show, useAsync } from '../../ui/states';
import { ANCHORED_TOPIC, decodeAnchored, receipt } from '../../lib/verify/chain';
import { rpcUrlFor } from './data';

/** An anchor transaction as the chain itself reports it (no block explorer needed, none trusted). */
export default function ChainTx({ hash }: { hash: string }) {
  const { t, locale } = useI18n();
  const [tx, retry] = useAsync(async () => {
    const url = await rpcUrlFor('');
    if (!url) throw new Error(t('audit.reason.no-rpc-url'));
    return receipt(url, hash);
  }, [hash]);
  return (
    <>
      <p>
        <Link href="/audit">{t('audit.entry.back')}</Link>
      </p>
      <h1>{t('audit.tx.title')}</h1>
      <p class="muted">{t('audit.tx.intro')}</p>
      <Show value={tx} retry={retry}>
        {(r) =>
          !r ? (
            <p class="bad">{t('audit.tx.notFound')}</p>
          ) : (
            <dl class="facts">
              <dt>{t('audit.tx.hash')}</dt>
              <dd class="mono">{hash}</dd>
              <dt>{t('audit.tx.status')}</dt>
              <dd class={r.status ? 'ok' : 'bad'} id="tx-status">{r.status ? t('audit.tx.success') : t('audit.tx.reverted')}</dd>
              <dt>{t('audit.tx.block')}</dt>
              <dd>{formatNumber(locale, r.blockNumber)}</dd>
              <dt>{t('audit.tx.to')}</dt>
              <dd class="mono">{r.to}</dd>
              {r.logs
                .filter((l) => l.topics[0]?.toLowerCase() === ANCHORED_TOPIC)
                .map((l) => {
                  const e = decodeAnchored(l);
                  return (
                    <>
                      <dt>{t('audit.tx.event')}</dt>
                      <dd class="mono">{t('audit.tx.anchored', { treeSize: e.treeSize, root: e.root })}</dd>
                    </>
                  );
                })}
            </dl>
          )
        }
      </Show>
    </>
  );
}
