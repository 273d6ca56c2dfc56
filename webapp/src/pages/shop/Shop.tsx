import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../auth/session';
import { Link } from '../../ui/Link';
import Catalogue from './Catalogue';
import ProductPage from './ProductPage';
import ShopWallet from './ShopWallet';
import MerchantConsole from './MerchantConsole';
import './shop.css';

const TABS: { href: string; key: MessageKey; role?: string }[] = [
  { href: '/shop', key: 'nav.shop' },
  { href: '/shop/wallet', key: 'nav.shopWallet', role: 'partner' },
  { href: '/merchant', key: 'nav.merchant', role: 'merchant' },
];

/**
 * The commerce screens (issue 11, item 7, the parts whose backend exists): /shop (browse and search),
 * /shop/products/:id (current version and history), /shop/wallet (balances, sandbox top-up), /merchant/... (console).
 */
export default function Shop({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const parts = path.replace(/\/+$/, '').split('/').slice(1);
  let body;
  let current = '/shop';
  if (parts[0] === 'merchant') {
    current = '/merchant';
    body = <MerchantConsole path={path} />;
  } else if (parts[1] === 'products' && parts[2]) body = <ProductPage id={decodeURIComponent(parts[2])} />;
  else if (parts[1] === 'wallet') {
    current = '/shop/wallet';
    body = <ShopWallet />;
  } else body = <Catalogue />;
  return (
    <>
      <nav aria-label={t('nav.shop')} class="sub-tabs">
        <ul>
          {TABS.filter((tab) => !tab.role || session?.roles.includes(tab.role)).map((tab) => (
            <li key={tab.href}>
              <Link href={tab.href} current={tab.href === current}>{t(tab.key)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {body}
    </>
  );
}
