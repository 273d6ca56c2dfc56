import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { navigate } from '../../router';
import { Link } from '../../ui/Link';
import { Empty, Show, useAsync } from '../../ui/states';
import { checkpointKey } from '../../lib/verify/didkey';
import { parseCheckpoint, parseNote, verifyNote, type Checkpoint, type NoteVerification } from '../../lib/verify/note';
import { bytesToHex } from '../../lib/verify/bytes';
import { publicJson, publicText, short, type AnchorPage, type Contract } from './data';

interface SignedCheckpoint {
  note: string;
  checkpoint: Checkpoint;
  keyHex: string;
  check: NoteVerification;
}

async function loadCheckpoint(): Promise<SignedCheckpoint> {
  const [did, text] = await Promise.all([publicJson('/.well-known/did.json'), publicText('/api/v1/audit/checkpoint')]);
  const key = checkpointKey(did);
  const note = parseNote(text);
  const checkpoint = parseCheckpoint(note.text);
  const check = await verifyNote(note, key.noteKeyName ?? checkpoint.origin, key.raw);
  return { note: text, checkpoint, keyHex: bytesToHex(key.raw), check };
}

export default function AuditOverview() {
  const { t } = useI18n();
  const [cp, retry] = useAsync(loadCheckpoint);
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p class="lead">{t('audit.intro')}</p>
      <Show value={cp} retry={retry}>
        {(v) => (
          <>
            <CheckpointCard v={v} />
            <Lookup size={v.checkpoint.treeSize} />
            <Recent size={v.checkpoint.treeSize} />
          </>
        )}
      </Show>
      <Anchors />
    </>
  );
}

function CheckpointCard({ v }: { v: SignedCheckpoint }) {
  const { t, locale } = useI18n();
  return (
    <section class="card" aria-labelledby="cp-title" id="checkpoint">
      <h2 id="cp-title">{t('audit.checkpoint.title')}</h2>
      <p id="checkpoint-signature" class={v.check.ok ? 'ok' : 'bad'} data-verified={String(v.check.ok)}>
        <span aria-hidden="true">{v.check.ok ? '✔ ' : '✘ '}</span>
        {v.check.ok
          ? t('audit.checkpoint.signed', { keyId: v.check.keyId })
          : t('audit.checkpoint.unsigned', { reason: t(`audit.reason.${v.check.reason}` as 'audit.reason.bad-signature') })}
      </p>
      <dl class="facts">
        <dt>{t('audit.checkpoint.origin')}</dt>
        <dd class="mono">{v.checkpoint.origin}</dd>
        <dt>{t('audit.checkpoint.size')}</dt>
        <dd id="checkpoint-size">{formatNumber(locale, v.checkpoint.treeSize)}</dd>
        <dt>{t('audit.checkpoint.root')}</dt>
        <dd class="mono">{bytesToHex(v.checkpoint.rootHash)}</dd>
        <dt>{t('audit.checkpoint.key')}</dt>
        <dd class="mono">{v.keyHex}</dd>
      </dl>
      <details>
        <summary>{t('audit.checkpoint.note')}</summary>
        <pre class="mono note">{v.note}</pre>
      </details>
    </section>
  );
}

function Lookup({ size }: { size: number }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const max = Math.max(0, size - 1);
  const submit = (e: Event) => {
    e.preventDefault();
    const ok = /^\d+$/.test(value.trim()) && Number(value) < size;
    setInvalid(!ok);
    if (ok) navigate(`/audit/entries/${Number(value)}`);
  };
  return (
    <section aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('audit.lookup.title')}</h2>
      <form onSubmit={submit} noValidate>
        <label for="entry-index">{t('audit.lookup.label', { max })}</label>
        <input
          id="entry-index"
          inputMode="numeric"
          value={value}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'entry-index-error' : undefined}
          onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
        />
        {invalid && (
          <p id="entry-index-error" class="bad" role="alert">
            {t('audit.lookup.invalid', { max })}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" id="open-entry">
            {t('audit.lookup.open')}
          </button>
        </div>
      </form>
    </section>
  );
}

interface EntrySummary {
  index: number;
  type: string;
  time: string;
}

function Recent({ size }: { size: number }) {
  const { t, locale } = useI18n();
  const [entries, retry] = useAsync(async () => {
    const indexes = Array.from({ length: Math.min(size, 10) }, (_, i) => size - 1 - i);
    return Promise.all(indexes.map((i) => publicJson<EntrySummary>(`/api/v1/audit/entries/${i}`)));
  }, [size]);
  return (
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">{t('audit.recent.title')}</h2>
      <Show value={entries} retry={retry}>
        {(list) =>
          list.length === 0 ? (
            <Empty />
          ) : (
            <div class="table-wrap" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col" class="num">{t('audit.recent.index')}</th>
                    <th scope="col">{t('audit.recent.type')}</th>
                    <th scope="col">{t('audit.recent.time')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((e) => (
                    <tr key={e.index}>
                      <td class="num">
                        <Link href={`/audit/entries/${e.index}`}>{e.index}</Link>
                      </td>
                      <td class="mono">{e.type}</td>
                      <td>{formatDateTime(locale, e.time)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Show>
    </section>
  );
}

function Anchors() {
  const { t, locale } = useI18n();
  const [cursor, setCursor] = useState<string | null>(null);
  const [page, retry] = useAsync(async () => {
    const [p, c] = await Promise.all([
      publicJson<AnchorPage>(`/api/v1/audit/anchors?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      publicJson<Contract>('/api/v1/audit/contract').catch(() => null),
    ]);
    return { p, c };
  }, [cursor]);
  return (
    <section aria-labelledby="anchors-title" id="anchors">
      <h2 id="anchors-title">{t('audit.anchors.title')}</h2>
      <Show value={page} retry={retry}>
        {({ p, c }) => (
          <>
            {c && <p class="muted anchors-intro">{t('audit.anchors.intro', { contract: c.address, chainId: c.chainId })}</p>}
            {p.items.length === 0 ? (
              <Empty>{t('audit.anchors.none')}</Empty>
            ) : (
              <div class="table-wrap" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col" class="num">{t('audit.anchors.size')}</th>
                      <th scope="col" class="num">{t('audit.anchors.block')}</th>
                      <th scope="col">{t('audit.anchors.tx')}</th>
                      <th scope="col">{t('audit.anchors.time')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.items.map((a) => (
                      <tr key={a.treeSize}>
                        <td class="num">{formatNumber(locale, a.treeSize)}</td>
                        <td class="num">{formatNumber(locale, a.blockNumber)}</td>
                        <td class="mono">
                          <Link href={`/audit/tx/${a.txHash}`}>{short(a.txHash)}</Link>
                        </td>
                        <td>{formatDateTime(locale, a.anchoredAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {p.next && (
              <div class="actions">
                <button type="button" class="secondary" onClick={() => setCursor(p.next)}>
                  {t('audit.anchors.more')}
                </button>
              </div>
            )}
          </>
        )}
      </Show>
    </section>
  );
}
