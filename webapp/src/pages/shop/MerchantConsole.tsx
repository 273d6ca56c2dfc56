import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n';
import { formatMoney, formatNumber } from '../../i18n/format';
import { CURRENCIES, decimalToMinor, minorToInput, productChange, type Price } from '../../lib/shop';
import { navigate } from '../../router';
import { Link } from '../../ui/Link';
import { Empty, Loading, Show, useAsync } from '../../ui/states';
import { minorNumber, newKey, product, type Product } from './data';
import { ProductFacts, VersionHistory } from './ProductPage';
import { ShopError } from './ShopError';

/** Routes: /merchant (my products), /merchant/new, /merchant/products/:id (change = a new version). */
export default function MerchantConsole({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const parts = path.replace(/\/+$/, '').split('/').slice(2);
  if (!session?.roles.includes('merchant')) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">{t('merchant.title')}</h1>
        <p class="warning" id="merchant-only">{t('merchant.merchantOnly')}</p>
      </section>
    );
  }
  let body;
  if (parts[0] === 'new') body = <NewProduct />;
  else if (parts[0] === 'products' && parts[1]) body = <EditProduct id={decodeURIComponent(parts[1])} />;
  else body = <MyProducts />;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('merchant.title')}</h1>
      {body}
    </section>
  );
}

function MyProducts() {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<Product[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const load = async (cursor?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const page = (await api.GET('/api/v1/merchants/me/products', { params: { query: { cursor, limit: '20' } } })).data!;
      setItems((old) => [...(cursor ? old ?? [] : []), ...(page.items ?? [])]);
      setNext(page.next ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void load(), []);
  return (
    <>
      <div class="actions">
        <Link href="/merchant/new" class="button primary">{t('merchant.new')}</Link>
      </div>
      <h2>{t('merchant.mine')}</h2>
      {error !== undefined && <ShopError error={error} id="merchant-error" />}
      {items === undefined && error === undefined && <Loading />}
      {items?.length === 0 && <div id="my-products-none"><Empty>{t('merchant.none')}</Empty></div>}
      {items && items.length > 0 && (
        <ul class="products" id="my-products">
          {items.map((p) => (
            <li class="card product-item" key={p.id} data-product={p.id} data-gtin={p.gtin}>
              <h3><Link href={`/merchant/products/${encodeURIComponent(p.id!)}`}>{p.name}</Link></h3>
              <p class="meta">
                <span class={`badge ${p.status === 'LIVE' ? 'verified' : ''}`} data-status={p.status}>
                  {t(`shop.status.${p.status}` as MessageKey)}
                </span>
                <span>v{p.version}</span>
                <span>{t('shop.stock', { n: formatNumber(locale, p.stock ?? 0) })}</span>
              </p>
              <p class="price">{(p.prices ?? []).map((x) => formatMoney(locale, x.amount!, x.currency!)).join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <div class="actions">
          <button type="button" class="secondary" id="my-products-more" disabled={busy} onClick={() => load(next)}>
            {busy ? t('shop.loadingMore') : t('shop.more')}
          </button>
        </div>
      )}
    </>
  );
}

/** Prices typed per currency (decimal text) → the API's prices in minor units; the currency that does not read. */
function readPrices(texts: Record<string, string>): { prices: { currency: string; amount: number }[] } | { bad: string } {
  const prices: { currency: string; amount: number }[] = [];
  for (const c of CURRENCIES) {
    const v = (texts[c] ?? '').trim();
    if (!v) continue;
    const minor = decimalToMinor(v, c);
    if (minor === undefined) return { bad: c };
    prices.push({ currency: c, amount: minorNumber(minor) });
  }
  return { prices };
}

function PriceFields({ prefix, texts, set, bad }: {
  prefix: string; texts: Record<string, string>; set: (c: string, v: string) => void; bad?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {CURRENCIES.map((c) => (
        <div key={c}>
          <label for={`${prefix}-price-${c}`}>{t('merchant.form.price', { currency: c })}</label>
          <input id={`${prefix}-price-${c}`} inputMode="decimal" autoComplete="off" value={texts[c] ?? ''}
            aria-describedby={`${prefix}-price-${c}-hint`} aria-invalid={bad === c}
            onInput={(e) => set(c, (e.currentTarget as HTMLInputElement).value)} />
          <p class="hint" id={`${prefix}-price-${c}-hint`}>{t('merchant.form.priceHint', { currency: c })}</p>
          {bad === c && <p class="bad" id={`${prefix}-price-${c}-err`}>{t('merchant.form.badAmount')}</p>}
        </div>
      ))}
    </>
  );
}

const wholeNumber = (s: string) => /^\d{1,15}$/.test(s.trim());

function NewProduct() {
  const { t } = useI18n();
  const [f, setF] = useState({ gtin: '', name: '', description: '', category: '', media: '', stock: '0' });
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [local, setLocal] = useState<MessageKey>();
  const [badPrice, setBadPrice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // The same request again (a retry after a lost answer) keeps its Idempotency-Key; a corrected one gets a new key.
  const [last, setLast] = useState<{ body: string; key: string }>();
  const input = (k: keyof typeof f) => ({
    value: f[k],
    onInput: (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    setLocal(undefined);
    setBadPrice(undefined);
    setError(undefined);
    const p = readPrices(prices);
    if ('bad' in p) return setBadPrice(p.bad);
    if (p.prices.length === 0) return setLocal('merchant.form.needPrice');
    if (!wholeNumber(f.stock)) return setLocal('merchant.form.badStock');
    setBusy(true);
    try {
      const body = {
        gtin: f.gtin.trim(), name: f.name.trim(), description: f.description, category: f.category.trim(),
        mediaUrls: f.media.split('\n').map((s) => s.trim()).filter(Boolean), stock: Number(f.stock.trim()), prices: p.prices,
      };
      const text = JSON.stringify(body);
      const key = last?.body === text ? last.key : newKey();
      setLast({ body: text, key });
      const created = (await api.POST('/api/v1/products', { params: { header: { 'Idempotency-Key': key } }, body })).data!;
      navigate(`/merchant/products/${encodeURIComponent(created.id!)}?created=1`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p><Link href="/merchant">{t('merchant.back')}</Link></p>
      <h2>{t('merchant.new')}</h2>
      <form id="new-product" class="card form-grid" onSubmit={submit} noValidate>
        <label for="np-gtin">{t('merchant.form.gtin')}</label>
        <input id="np-gtin" inputMode="numeric" required maxLength={14} aria-describedby="np-gtin-hint" {...input('gtin')} />
        <p class="hint" id="np-gtin-hint">{t('merchant.form.gtinHint')}</p>
        <label for="np-name">{t('merchant.form.name')}</label>
        <input id="np-name" required maxLength={200} {...input('name')} />
        <label for="np-description">{t('merchant.form.description')}</label>
        <textarea id="np-description" maxLength={5000} {...input('description')} />
        <label for="np-category">{t('merchant.form.category')}</label>
        <input id="np-category" required maxLength={64} aria-describedby="np-category-hint" {...input('category')} />
        <p class="hint" id="np-category-hint">{t('merchant.form.categoryHint')}</p>
        <label for="np-media">{t('merchant.form.media')}</label>
        <textarea id="np-media" aria-describedby="np-media-hint" {...input('media')} />
        <p class="hint" id="np-media-hint">{t('merchant.form.mediaHint')}</p>
        <label for="np-stock">{t('merchant.form.stock')}</label>
        <input id="np-stock" inputMode="numeric" required {...input('stock')} />
        <PriceFields prefix="np" texts={prices} set={(c, v) => setPrices({ ...prices, [c]: v })} bad={badPrice} />
        {local && <p class="bad" role="alert" id="new-product-invalid">{t(local)}</p>}
        {error !== undefined && <ShopError error={error} id="new-product-error" />}
        <div class="actions">
          <button type="submit" class="primary" id="np-create" disabled={busy}>
            {busy ? t('merchant.form.creating') : t('merchant.form.create')}
          </button>
        </div>
      </form>
    </>
  );
}

function EditProduct({ id }: { id: string }) {
  const { t } = useI18n();
  const [p, retry] = useAsync(() => product(id), [id]);
  const [latest, setLatest] = useState<Product>();
  const created = typeof location !== 'undefined' && new URLSearchParams(location.search).has('created');
  const shown = latest ?? (p.state === 'ready' ? p.value : undefined);
  return (
    <>
      <p><Link href="/merchant">{t('merchant.back')}</Link></p>
      <div role="status" aria-live="polite">
        {created && !latest && <p class="notice" id="product-created">{t('merchant.created')}</p>}
      </div>
      <Show value={p} retry={retry}>
        {() => shown ? (
          <>
            <ProductFacts p={shown} heading="h2" />
            <p><Link href={`/shop/products/${encodeURIComponent(id)}`}>{t('merchant.edit.public')}</Link></p>
            <p><Link href={`/merchant/trace/${encodeURIComponent(id)}`}>{t('merchant.edit.trace')}</Link></p>
            <EditForm key={shown.version} p={shown} saved={latest !== undefined} onSaved={setLatest} />
            <VersionHistory id={id} version={shown.version ?? 0} />
          </>
        ) : <Loading />}
      </Show>
    </>
  );
}

function EditForm({ p, saved, onSaved }: { p: Product; saved: boolean; onSaved: (p: Product) => void }) {
  const { t } = useI18n();
  const initial = Object.fromEntries((p.prices ?? []).map((x) => [x.currency!, minorToInput(x.amount!, x.currency!)]));
  const [description, setDescription] = useState(p.description ?? '');
  const [stock, setStock] = useState(String(p.stock ?? 0));
  const [prices, setPrices] = useState<Record<string, string>>(initial);
  const [badPrice, setBadPrice] = useState<string>();
  const [local, setLocal] = useState<MessageKey>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState<{ key: MessageKey; version: number }>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBadPrice(undefined);
    setLocal(undefined);
    setError(undefined);
    setNote(undefined);
    const read = readPrices(prices);
    if ('bad' in read) return setBadPrice(read.bad);
    if (read.prices.length === 0) return setLocal('merchant.form.needPrice');
    if (!wholeNumber(stock)) return setLocal('merchant.form.badStock');
    const body = productChange(
      { version: p.version ?? 0, description: p.description ?? '', stock: p.stock ?? 0, prices: (p.prices ?? []) as Price[] },
      { description, stock, prices: read.prices },
    );
    setBusy(true);
    try {
      const saved = (await api.POST('/api/v1/products/{id}/versions', {
        params: { path: { id: p.id! }, header: { 'Idempotency-Key': newKey() } },
        body: body as never,
      })).data!;
      if ((saved.version ?? 0) === (p.version ?? 0)) setNote({ key: 'merchant.edit.unchanged', version: saved.version ?? 0 });
      else onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form id="edit-product" class="card form-grid" onSubmit={submit} noValidate aria-labelledby="edit-title">
      <h3 id="edit-title">{t('merchant.edit.title')}</h3>
      <p class="muted">{t('merchant.edit.lead')}</p>
      <div role="status" aria-live="polite">
        {saved && !note && (
          <p class="notice" id="edit-done" data-version={String(p.version)}>{t('merchant.edit.saved', { version: String(p.version) })}</p>
        )}
        {note && <p class="notice" id="edit-unchanged">{t(note.key)}</p>}
      </div>
      <label for="edit-description">{t('merchant.form.description')}</label>
      <textarea id="edit-description" maxLength={5000} value={description}
        onInput={(e) => setDescription((e.currentTarget as HTMLTextAreaElement).value)} />
      <label for="edit-stock">{t('merchant.form.stock')}</label>
      <input id="edit-stock" inputMode="numeric" value={stock} onInput={(e) => setStock((e.currentTarget as HTMLInputElement).value)} />
      <PriceFields prefix="edit" texts={prices} set={(c, v) => setPrices({ ...prices, [c]: v })} bad={badPrice} />
      {local && <p class="bad" role="alert" id="edit-invalid">{t(local)}</p>}
      {error !== undefined && <ShopError error={error} id="edit-error" />}
      <div class="actions">
        <button type="submit" class="primary" id="edit-save" disabled={busy}>
          {busy ? t('merchant.edit.saving') : t('merchant.edit.save')}
        </button>
      </div>
    </form>
  );
}
