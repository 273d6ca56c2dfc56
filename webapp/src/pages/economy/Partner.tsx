import { useSession } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../ui/Link';
import Earnings from './Earnings';
import Points from './Points';
import Recommendations from './Recommendations';
import Statements from './Statements';
import './economy.css';

const TABS: { href: string; key: MessageKey }[] = [
  { href: '/partner', key: 'econ.tab.earnings' },
  { href: '/partner/points', key: 'econ.tab.points' },
  { href: '/partner/statements', key: 'econ.tab.statements' },
  { href: '/partner/recommendations', key: 'econ.tab.recommendations' },
];

/**
 * A partner's side of the economy (issue 12, item 8): /partner (share links and commissions), /partner/points
 * (points per brand and the cross-brand exchange), /partner/statements (revenue-share statements per period),
 * /partner/recommendations (consent and the recommendations made under it).
 */
export default function Partner({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const section = path.replace(/\/+$/, '').split('/')[2] ?? '';
  if (!session?.roles.includes('partner')) {
    return (
      <section aria-labelledby="page-title">
        <h1 id="page-title">{t('econ.partner.title')}</h1>
        <p class="warning" id="partners-only">{t('econ.partner.only')} <Link href="/wallet">{t('nav.wallet')}</Link></p>
      </section>
    );
  }
  const current = section ? `/partner/${section}` : '/partner';
  return (
    <>
      <nav aria-label={t('econ.partner.title')} class="sub-tabs">
        <ul>
          {TABS.map((tab) => (
            <li key={tab.href}>
              <Link href={tab.href} current={tab.href === current}>{t(tab.key)}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'points' ? <Points /> : section === 'statements' ? <Statements />
        : section === 'recommendations' ? <Recommendations /> : <Earnings />}
    </>
  );
}
