import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { ProblemError } from '../api/problem';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { ErrorBox, Show, useAsync } from '../ui/states';

interface Data {
  name?: string;
  phone?: string;
  address?: string;
  updatedAt?: string;
}

async function load(): Promise<Data | null> {
  try {
    return (await api.GET('/api/v1/me/personal-data')).data ?? null;
  } catch (e) {
    if (e instanceof ProblemError && e.status === 404) return null; // nothing stored: the empty state
    throw e;
  }
}

function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ProblemError && Array.isArray(e.problem.errors)) {
    for (const fe of e.problem.errors as { field?: string; message?: string }[]) {
      if (fe.field) out[fe.field] = fe.message ?? '';
    }
  }
  return out;
}

function EditForm({ initial, onSaved, onCancel }: { initial: Data | null; onSaved: (d: Data) => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ name: initial?.name ?? '', phone: initial?.phone ?? '', address: initial?.address ?? '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const errs = fieldErrors(error);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSaved((await api.PUT('/api/v1/me/personal-data', { body: v })).data!);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const field = (name: 'name' | 'phone' | 'address', label: string, type = 'text', auto = 'on') => (
    <>
      <label for={`pd-${name}`}>{label}</label>
      {name === 'address' ? (
        <textarea id={`pd-${name}`} value={v[name]} autocomplete={auto} onInput={(e) => setV({ ...v, [name]: e.currentTarget.value })} aria-invalid={!!errs[name]} aria-describedby={errs[name] ? `pd-${name}-err` : undefined} class="plain" />
      ) : (
        <input id={`pd-${name}`} type={type} value={v[name]} autocomplete={auto} onInput={(e) => setV({ ...v, [name]: e.currentTarget.value })} aria-invalid={!!errs[name]} aria-describedby={errs[name] ? `pd-${name}-err` : undefined} />
      )}
      {errs[name] && (
        <p class="bad" id={`pd-${name}-err`}>
          {errs[name]}
        </p>
      )}
    </>
  );
  return (
    <form class="card" onSubmit={submit} noValidate>
      {field('name', t('personal.name'), 'text', 'name')}
      {field('phone', t('personal.phone'), 'tel', 'tel')}
      {field('address', t('personal.address'), 'text', 'street-address')}
      {error !== undefined && <ErrorBox error={error} />}
      <div class="actions">
        <button type="submit" class="primary" id="pd-save" disabled={busy}>
          {busy ? t('personal.saving') : t('personal.save')}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function Stored({ data, onChanged }: { data: Data; onChanged: (d: Data | null, note: string) => void }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<unknown>();
  const erase = async () => {
    setError(undefined);
    try {
      await api.DELETE('/api/v1/me/personal-data');
      onChanged(null, t('personal.erased'));
    } catch (e) {
      setError(e);
    }
  };
  if (editing) return <EditForm initial={data} onSaved={(d) => (setEditing(false), onChanged(d, t('personal.saved')))} onCancel={() => setEditing(false)} />;
  return (
    <>
      <div class="card">
        <dl class="facts">
          <dt>{t('personal.name')}</dt>
          <dd id="pd-view-name">{data.name}</dd>
          <dt>{t('personal.phone')}</dt>
          <dd>{data.phone}</dd>
          <dt>{t('personal.address')}</dt>
          <dd>{data.address}</dd>
          {data.updatedAt && (
            <>
              <dt>{t('personal.updatedAt')}</dt>
              <dd>{formatDateTime(locale, data.updatedAt)}</dd>
            </>
          )}
        </dl>
        <div class="actions">
          <button type="button" class="secondary" id="pd-edit" onClick={() => setEditing(true)}>
            {t('personal.edit')}
          </button>
          <button type="button" class="secondary" id="pd-erase" onClick={() => setConfirm(true)} aria-expanded={confirm}>
            {t('personal.erase')}
          </button>
        </div>
      </div>
      {confirm && (
        <div class="warning" role="alertdialog" aria-labelledby="pd-erase-warning">
          <p id="pd-erase-warning">{t('personal.eraseWarning')}</p>
          <div class="actions">
            <button type="button" class="danger" id="pd-erase-confirm" onClick={erase}>
              {t('personal.eraseConfirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {error !== undefined && <ErrorBox error={error} />}
    </>
  );
}

export default function PersonalData() {
  const { t } = useI18n();
  const [data, reload] = useAsync(load);
  const [override, setOverride] = useState<{ data: Data | null } | undefined>();
  const [note, setNote] = useState<string>();
  const changed = (d: Data | null, n: string) => {
    setOverride({ data: d });
    setNote(n);
  };
  return (
    <section>
      <h1 id="page-title">{t('personal.title')}</h1>
      <p class="lead">{t('personal.lead')}</p>
      {note && (
        <p class="ok" role="status" id="pd-note">
          {note}
        </p>
      )}
      <Show value={override ? { state: 'ready', value: override.data } : data} retry={reload}>
        {(d) =>
          d ? (
            <Stored data={d} onChanged={changed} />
          ) : (
            <>
              <p id="pd-none">{t('personal.none')}</p>
              <EditForm initial={null} onSaved={(x) => changed(x, t('personal.saved'))} />
            </>
          )
        }
      </Show>
    </section>
  );
}
