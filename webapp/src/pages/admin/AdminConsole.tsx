import { useSession } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../ui/Link';
import Merchants from './Merchants';
import NewMerchant from './NewMerchant';
import MerchantDetail from './MerchantDetail';
import Credentials from './Credentials';
import PlatformKeys from './PlatformKeys';
import SystemHealth from './SystemHealth';
import EconomyAdmin from '../economy/EconomyAdmin';
import ReviewModeration from './ReviewModeration';
import './admin.css';

const TABS: { href: string; key: MessageKey }[] = [
  { href: '/admin', key: 'admin.tab.merchants' },
  { href: '/admin/credentials', key: 'admin.tab.credentials' },
  { href: '/admin/keys', key: 'admin.tab.keys' },
  { href: '/admin/system', key: 'admin.tab.system' },
  { href: '/admin/economy', key: 'admin.tab.economy' },
  { href: '/admin/reviews', key: 'admin.tab.reviews' },
];

/**
 * The admin console (issue 10, item 4) over the admin REST endpoints. Routes: /admin (merchants),
 * /admin/merchants/new, /admin/merchants/:id, /admin/credentials, /admin/keys, /admin/system.
 */
export default function AdminConsole({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const parts = path.replace(/\/+$/, '').split('/').slice(2);
  const section = parts[0] ?? '';
  if (!session?.roles.includes('admin')) {
    return (
      <>
        <h1>{t('admin.title')}</h1>
        <p class="warning" role="alert">{t('admin.onlyAdmins')}</p>
      </>
    );
  }
  const current = section === 'merchants' || section === '' ? '/admin' : `/admin/${section}`;
  let body;
  if (section === 'merchants' && parts[1] === 'new') body = <NewMerchant />;
  else if (section === 'merchants' && parts[1]) body = <MerchantDetail id={decodeURIComponent(parts[1])} />;
  else if (section === 'credentials') body = <Credentials />;
  else if (section === 'keys') body = <PlatformKeys />;
  else if (section === 'system') body = <SystemHealth />;
  else if (section === 'economy') body = <EconomyAdmin path={path} />;
  else if (section === 'reviews') body = <ReviewModeration />;
  else body = <Merchants />;
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <nav aria-label={t('admin.tab.label')} class="admin-tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.href}>
              <Link href={tab.href} current={tab.href === current}>
                {t(tab.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {body}
    </>
  );
}

export function StatusBadge({ status }: { status: string | undefined }) {
  const { t } = useI18n();
  const known = status === 'PENDING' || status === 'VERIFIED' || status === 'SUSPENDED';
  return (
    <span class={`badge status-${(status ?? '').toLowerCase()}${status === 'VERIFIED' ? ' verified' : ''}`} data-status={status}>
      {known ? t(`admin.status.${status}` as MessageKey) : status}
    </span>
  );
}

/** A fresh Idempotency-Key per user action, so a retried request (network hiccup) never acts twice. */
export const newKey = (): string => crypto.randomUUID();
