import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { formatMoney, formatNumber } from '../../i18n/format';
import { browseQuery, CURRENCIES, type BrowseQuery, type SearchForm } from '../../lib/shop';
import { Link } from '../../ui/Link';
import { Empty, Loading } from '../../ui/states';
import type { Product } from './data';
import { ShopError } from './ShopError';

const EMPTY: SearchForm = { q: '', category: '', currency: '', min: '', max: '' };

/** Browse and search (name, category, price range in a currency), cursor pages with "Show more". */
export default function Catalogue() {
  const { t } = useI18n();
  const [form, setForm] = useState<SearchForm>(EMPTY);
  const [invalid, setInvalid] = useState<'min' | 'max'>();
  const [query, setQuery] = useState<BrowseQuery>({});
  const [items, setItems] = useState<Product[]>();
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const load = async (q: BrowseQuery, cursor?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const page = (await api.GET('/api/v1/products', { params: { query: { ...q, cursor, limit: '20' } } })).data!;
      setItems((old) => [...(cursor ? old ?? [] : []), ...(page.items ?? [])]);
      setNext(page.next ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void load({}), []);
  const submit = (e: Event) => {
    e.preventDefault();
    const r = browseQuery(form);
    if ('invalid' in r) {
      setInvalid(r.invalid);
      return;
    }
    setInvalid(undefined);
    setQuery(r.query);
    void load(r.query);
  };
  const field = (k: keyof SearchForm) => ({
    value: form[k],
    onInput: (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value }),
  });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('shop.title')}</h1>
      <p class="lead">{t('shop.lead')}</p>
      <form id="shop-search" class="card form-grid" onSubmit={submit} role="search">
        <fieldset class="plain">
          <legend>{t('shop.search.legend')}</legend>
          <div class="shop-filters">
            <div>
              <label for="shop-q">{t('shop.search.q')}</label>
              <input id="shop-q" type="search" maxLength={200} {...field('q')} />
            </div>
            <div>
              <label for="shop-category">{t('shop.search.category')}</label>
              <input id="shop-category" maxLength={64} aria-describedby="shop-category-hint" {...field('category')} />
              <p class="hint" id="shop-category-hint">{t('shop.search.categoryHint')}</p>
            </div>
            <div>
              <label for="shop-currency">{t('shop.search.currency')}</label>
              <select id="shop-currency" value={form.currency}
                onChange={(e) => setForm({ ...form, currency: (e.currentTarget as HTMLSelectElement).value })}>
                <option value="">{t('shop.search.anyCurrency')}</option>
                {CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </div>
            {(['min', 'max'] as const).map((k) => (
              <div key={k}>
                <label for={`shop-${k}`}>{t(`shop.search.${k}` as MessageKey)}</label>
                <input id={`shop-${k}`} inputMode="decimal" autoComplete="off" {...field(k)}
                  aria-invalid={invalid === k} aria-describedby={invalid === k ? `shop-${k}-err` : undefined} />
                {invalid === k && <p class="bad" id={`shop-${k}-err`}>{t('shop.search.badAmount')}</p>}
              </div>
            ))}
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" id="shop-search-submit" disabled={busy}>{t('shop.search.submit')}</button>
          <button type="button" class="secondary" id="shop-search-reset" disabled={busy}
            onClick={() => { setForm(EMPTY); setInvalid(undefined); setQuery({}); void load({}); }}>
            {t('shop.search.reset')}
          </button>
        </div>
      </form>
      <h2>{t('shop.results')}</h2>
      {error !== undefined && <ShopError error={error} id="shop-error" />}
      {items === undefined && error === undefined && <Loading />}
      {items !== undefined && items.length === 0 && <div id="shop-empty"><Empty>{t('shop.empty')}</Empty></div>}
      {items !== undefined && items.length > 0 && (
        <ul class="products" id="products" aria-busy={busy}>
          {items.map((p) => <ProductCard key={p.id} p={p} />)}
        </ul>
      )}
      {next && (
        <div class="actions">
          <button type="button" class="secondary" id="shop-more" disabled={busy} onClick={() => load(query, next)}>
            {busy ? t('shop.loadingMore') : t('shop.more')}
          </button>
        </div>
      )}
    </section>
  );
}

function ProductCard({ p }: { p: Product }) {
  const { t, locale } = useI18n();
  return (
    <li class="card product-item" data-product={p.id}>
      <h3>
        <Link href={`/shop/products/${encodeURIComponent(p.id!)}`}>{p.name}</Link>
      </h3>
      <p class="price">{(p.prices ?? []).map((x) => formatMoney(locale, x.amount!, x.currency!)).join(' · ')}</p>
      <p class="meta">
        <span class="badge">{p.category}</span>
        <span>{Number(p.stock ?? 0) > 0 ? t('shop.stock', { n: formatNumber(locale, p.stock ?? 0) }) : t('shop.outOfStock')}</span>
      </p>
    </li>
  );
}
