import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { shortId } from '../../lib/economy';
import { ActionKeys } from '../../lib/orders';
import { Link } from '../../ui/Link';
import { keyFor } from '../../ui/labels';
import { Empty, Show, useAsync, type Async } from '../../ui/states';
import { act, EconError, newKey } from './EconError';
import './economy.css';

type Flag = components['schemas']['FraudFlagView'];
type Payout = components['schemas']['PayoutView'];
type Period = components['schemas']['PeriodView'];

const TABS: { href: string; key: MessageKey }[] = [
  { href: '/admin/economy', key: 'econ.admin.tab.fraud' },
  { href: '/admin/economy/payouts', key: 'econ.admin.tab.payouts' },
  { href: '/admin/economy/periods', key: 'econ.admin.tab.periods' },
];

/** The economy's admin screens inside the console: /admin/economy (fraud flags), .../payouts, .../periods. */
export default function EconomyAdmin({ path }: { path: string }) {
  const { t } = useI18n();
  const section = path.replace(/\/+$/, '').split('/')[3] ?? '';
  const current = section ? `/admin/economy/${section}` : '/admin/economy';
  return (
    <>
      <nav aria-label={t('admin.tab.economy')} class="sub-tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.href}><Link href={tab.href} current={tab.href === current}>{t(tab.key)}</Link></li>
          ))}
        </ul>
      </nav>
      {section === 'payouts' ? <Payouts /> : section === 'periods' ? <Periods /> : <FraudFlags />}
    </>
  );
}

function FraudFlags() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState('OPEN');
  const [cursor, setCursor] = useState<string>();
  const [page, reload] = useAsync(
    async () => (await api.GET('/api/v1/admin/fraud/flags', { params: { query: { status: status || undefined, cursor, limit: 20 } } })).data!,
    [status, cursor],
  );
  const [decided, setDecided] = useState<Record<string, Flag>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ id: string; e: unknown }>();
  const decide = (f: Flag, how: 'clear' | 'confirm') =>
    void act(setBusy, (e) => setError(e === undefined ? undefined : { id: f.id!, e }), async () => {
      const res = how === 'clear'
        ? await api.POST('/api/v1/admin/fraud/flags/{id}/clear', { params: { path: { id: f.id! }, header: { 'Idempotency-Key': newKey() } } })
        : await api.POST('/api/v1/admin/fraud/flags/{id}/confirm', { params: { path: { id: f.id! }, header: { 'Idempotency-Key': newKey() } } });
      setDecided((d) => ({ ...d, [f.id!]: res.data! }));
    });
  return (
    <section aria-labelledby="fraud-title">
      <h2 id="fraud-title">{t('econ.fraud.title')}</h2>
      <p class="muted">{t('econ.fraud.lead')}</p>
      <label for="fraud-status">{t('econ.fraud.status')}</label>{' '}
      <select id="fraud-status" value={status} onChange={(e) => { setCursor(undefined); setStatus((e.currentTarget as HTMLSelectElement).value); }}>
        <option value="OPEN">{t('econ.fraud.state.OPEN')}</option>
        <option value="CLEARED">{t('econ.fraud.state.CLEARED')}</option>
        <option value="CONFIRMED">{t('econ.fraud.state.CONFIRMED')}</option>
        <option value="">{t('econ.fraud.any')}</option>
      </select>
      <Show value={page} retry={reload}>
        {(p) => (p.items ?? []).length === 0 ? <div id="flags-none"><Empty>{t('econ.fraud.none')}</Empty></div> : (
          <>
            <ul class="plain-list" id="fraud-flags">
              {(p.items ?? []).map((f0) => {
                const f = decided[f0.id!] ?? f0;
                const pat = keyFor('econ.fraud.pattern', f.pattern ?? '');
                const st = keyFor('econ.fraud.state', f.status ?? '');
                return (
                  <li key={f.id} class="card flag" data-flag={f.id} data-order={f.orderId} data-status={f.status}>
                    <h3>{pat ? t(pat) : f.pattern} <span class="badge" data-status={f.status}>{st ? t(st) : f.status}</span></h3>
                    <p class="muted">
                      {t('econ.fraud.order')} <span class="mono" title={f.orderId}>{shortId(f.orderId)}</span> · {t('econ.fraud.partner')}{' '}
                      <span class="mono">{f.partner}</span> · {f.createdAt ? formatDateTime(locale, f.createdAt) : ''}
                    </p>
                    <ul class="reasons">{(f.reasons ?? []).map((r) => <li key={r}>{r}</li>)}</ul>
                    {f.decidedBy && <p class="decided">{t('econ.fraud.decidedBy', { who: f.decidedBy, at: f.decidedAt ? formatDateTime(locale, f.decidedAt) : '' })}</p>}
                    {f.status === 'OPEN' && (
                      <div class="actions">
                        <button type="button" class="primary flag-clear" disabled={busy} onClick={() => decide(f, 'clear')}>{t('econ.fraud.clear')}</button>
                        <button type="button" class="danger flag-confirm" disabled={busy} onClick={() => decide(f, 'confirm')}>{t('econ.fraud.confirm')}</button>
                      </div>
                    )}
                    {f.status === 'OPEN' && <p class="hint">{t('econ.fraud.explain')}</p>}
                    {error && error.id === f.id && <EconError error={error.e} id="flag-error" />}
                  </li>
                );
              })}
            </ul>
            {p.next && <div class="actions"><button type="button" class="secondary" onClick={() => setCursor(p.next)}>{t('econ.next')}</button></div>}
          </>
        )}
      </Show>
    </section>
  );
}

async function periods(): Promise<Period[]> {
  return (await api.GET('/api/v1/admin/settlement/periods', { params: { query: { limit: '50' } } })).data ?? [];
}

/**
 * Loads, then re-reads every few seconds keeping the last answer on screen: a close progresses (partners done of
 * total) while the admin watches.
 */
function usePolled<T>(load: () => Promise<T>, ms: number): [Async<T>, () => void] {
  const [value, setValue] = useState<Async<T>>({ state: 'loading' });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    const run = () => load().then((v) => live && setValue({ state: 'ready', value: v }), (e) => live && setValue({ state: 'error', error: e }));
    void run();
    const id = setInterval(run, ms);
    return () => {
      live = false;
      clearInterval(id);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [n]);
  return [value, () => setN((x) => x + 1)];
}

const approvalKeys = new ActionKeys();

function Payouts() {
  const { t } = useI18n();
  const [list, reload] = useAsync(periods, []);
  const [after, setAfter] = useState<Record<string, Payout>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ id: string; e: unknown }>();
  const approve = (p: Payout) =>
    void act(setBusy, (e) => setError(e === undefined ? undefined : { id: p.id!, e }), async () => {
      // The same approval tried again (after an error or a lost answer) keeps its key: the server replays it.
      const action = `approve:${p.id!}`;
      const res = await api.POST('/api/v1/admin/settlement/payouts/{payoutId}/approvals', {
        params: { path: { payoutId: p.id! }, header: { 'Idempotency-Key': approvalKeys.key(action, null) } },
      });
      approvalKeys.done(action);
      setAfter((a) => ({ ...a, [p.id!]: res.data! }));
    });
  return (
    <section aria-labelledby="payouts-title">
      <h2 id="payouts-title">{t('econ.payouts.title')}</h2>
      <p class="muted">{t('econ.payouts.lead')}</p>
      <div class="actions"><button type="button" class="secondary" id="payouts-reload" onClick={() => { setAfter({}); setError(undefined); reload(); }}>{t('econ.reload')}</button></div>
      <Show value={list} retry={reload}>
        {(ps) => {
          const waiting = ps.flatMap((p) => p.pendingApprovals ?? []);
          const shown = [...waiting, ...Object.values(after).filter((a) => !waiting.some((w) => w.id === a.id))];
          return shown.length === 0 ? <div id="payouts-none"><Empty>{t('econ.payouts.none')}</Empty></div> : (
            <ul class="plain-list" id="payouts">
              {shown.map((p0) => <PayoutCard key={p0.id} p={after[p0.id!] ?? p0} busy={busy} onApprove={approve}
                error={error && error.id === p0.id ? error.e : undefined} />)}
            </ul>
          );
        }}
      </Show>
    </section>
  );
}

function PayoutCard({ p, busy, onApprove, error }: { p: Payout; busy: boolean; onApprove: (p: Payout) => void; error?: unknown }) {
  const { t, locale } = useI18n();
  const st = keyFor('econ.payout.status', p.status ?? '');
  const kind = keyFor('econ.payouts.kind', p.kind ?? '');
  return (
    <li class="card payout" data-payout={p.id} data-status={p.status} data-kind={p.kind} data-first={p.firstApprover ?? ''}>
      <h3>{formatMoney(locale, p.amount ?? '0', p.asset ?? 'CNY')} <span class="badge">{st ? t(st) : p.status}</span></h3>
      <p class="muted">
        {kind ? t(kind) : p.kind} · {t('econ.fraud.partner')} <span class="mono">{p.partner}</span> · {t('econ.payouts.period')} <span class="mono">{p.periodId}</span>
        {p.productId && <> · {t('econ.payouts.product')} <Link href={`/shop/products/${p.productId}`} class="mono">{shortId(p.productId)}</Link></>}
      </p>
      <p class="first-approver">
        {p.firstApprover ? t('econ.payouts.firstBy', { who: p.firstApprover }) : t('econ.payouts.noneYet')}
      </p>
      {p.secondApprover && <p class="second-approver">{t('econ.payouts.secondBy', { who: p.secondApprover })}</p>}
      {p.status === 'AWAITING_APPROVAL' && (
        <div class="actions">
          <button type="button" class="primary payout-approve" disabled={busy} onClick={() => onApprove(p)}>
            {p.firstApprover ? t('econ.payouts.approveSecond') : t('econ.payouts.approve')}
          </button>
        </div>
      )}
      {error !== undefined && <EconError error={error} id="payout-error" />}
    </li>
  );
}

function Periods() {
  const { t, locale } = useI18n();
  const [list, reload] = usePolled(periods, 3000);
  return (
    <section aria-labelledby="periods-title">
      <h2 id="periods-title">{t('econ.periods.title')}</h2>
      <p class="muted">{t('econ.periods.lead')}</p>
      <Show value={list} retry={reload}>
        {(ps) => ps.length === 0 ? <Empty>{t('econ.periods.none')}</Empty> : (
          <ul class="plain-list" id="periods">
            {ps.map((p) => {
              const st = keyFor('econ.period.state', p.state ?? '');
              const total = p.partnersTotal ?? 0;
              const done = p.partnersDone ?? 0;
              return (
                <li key={p.periodId} class="card period" data-period={p.periodId} data-state={p.state} data-done={String(done)} data-total={String(total)}>
                  <h3>
                    {p.start ? formatDateTime(locale, p.start) : ''} – {p.end ? formatDateTime(locale, p.end) : ''}{' '}
                    <span class="badge">{st ? t(st) : p.state}</span>
                  </h3>
                  <p class="muted mono">{p.periodId} · {t('econ.periods.policy', { v: String(p.policyVersion ?? '') })}</p>
                  <label for={`progress-${p.periodId}`}>{t('econ.periods.progress', { done, total })}</label>
                  <progress id={`progress-${p.periodId}`} max={Math.max(total, 1)} value={total === 0 && p.state === 'CLOSED' ? 1 : done} />
                  {(p.pools ?? []).map((pool) => (
                    <dl class="econ-figures" key={pool.asset} data-asset={pool.asset}>
                      {(['inflow', 'carriedIn', 'distributed', 'undistributed'] as const).map((k) => (
                        <div key={k}><dt>{t(`econ.periods.${k}` as MessageKey)} ({pool.asset})</dt><dd>{formatMoney(locale, pool[k] ?? '0', pool.asset ?? 'CNY')}</dd></div>
                      ))}
                    </dl>
                  ))}
                  {(p.pendingApprovals ?? []).length > 0 && (
                    <p class="warning">{t('econ.periods.waiting', { n: (p.pendingApprovals ?? []).length })} <Link href="/admin/economy/payouts">{t('econ.admin.tab.payouts')}</Link></p>
                  )}
                  {p.state === 'CLOSED' && <p><Link href={`/transparency/${encodeURIComponent(p.periodId ?? '')}`}>{t('econ.periods.report')}</Link></p>}
                </li>
              );
            })}
          </ul>
        )}
      </Show>
    </section>
  );
}
