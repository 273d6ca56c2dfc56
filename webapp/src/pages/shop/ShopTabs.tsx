import { useSession } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../ui/Link';

// The commerce screens' sub-navigation, shared by the shop chunk and the orders chunk; a tab with a role shows
// only to a session holding it (the API refuses everyone else anyway).
const TABS: { href: string; key: MessageKey; role?: string }[] = [
  { href: '/shop', key: 'nav.shop' },
  { href: '/shop/wallet', key: 'nav.shopWallet', role: 'partner' },
  { href: '/orders', key: 'nav.orders', role: 'partner' },
  { href: '/merchant', key: 'nav.merchant', role: 'merchant' },
  { href: '/merchant/orders', key: 'nav.merchantOrders', role: 'merchant' },
  { href: '/merchant/receivables', key: 'nav.receivables', role: 'merchant' },
  { href: '/merchant/reviews', key: 'nav.merchantReviews', role: 'merchant' },
];

export function ShopTabs({ current }: { current: string }) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <nav aria-label={t('nav.shop')} class="sub-tabs">
      <ul>
        {TABS.filter((tab) => !tab.role || session?.roles.includes(tab.role)).map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} current={tab.href === current}>{t(tab.key)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
