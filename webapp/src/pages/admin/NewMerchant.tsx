import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { Link } from '../../ui/Link';
import { ErrorBox } from '../../ui/states';
import { newKey } from './AdminConsole';

export default function NewMerchant() {
  const { t } = useI18n();
  const [form, setForm] = useState({ name: '', businessLicence: '', contactEmail: '', username: '', password: '' });
  const [key] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [missing, setMissing] = useState(false);
  const field = (name: keyof typeof form, label: string, type = 'text', required = true) => (
    <div>
      <label for={`new-${name}`}>{label}</label>
      <input
        id={`new-${name}`}
        type={type}
        value={form[name]}
        required={required}
        aria-required={required}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        onInput={(e) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value })}
      />
    </div>
  );
  const submit = async (e: Event) => {
    e.preventDefault();
    const { password, ...required } = form;
    if (Object.values(required).some((v) => !v.trim())) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.POST('/api/v1/admin/merchants', {
        params: { header: { 'Idempotency-Key': key } },
        body: { ...required, password: password || undefined },
        parseAs: 'json',
      });
      const created = res.data as unknown as { id: string };
      navigate(`/admin/merchants/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-title">
      <h2 id="new-title">{t('admin.new.title')}</h2>
      <form onSubmit={submit} class="form-grid" noValidate>
        {field('name', t('admin.new.name'))}
        {field('businessLicence', t('admin.new.licence'))}
        {field('contactEmail', t('admin.new.email'), 'email')}
        {field('username', t('admin.new.username'))}
        {field('password', t('admin.new.password'), 'password', false)}
        {missing && <p class="bad" role="alert">{t('admin.new.required')}</p>}
        {error !== undefined && <ErrorBox error={error} />}
        <div class="actions">
          <button type="submit" class="primary" id="create-merchant" disabled={busy}>
            {t('admin.new.submit')}
          </button>
          <Link href="/admin" class="button secondary">
            {t('admin.new.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
