import { useSession } from '../../auth/session';
import { useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../ui/Link';
import ProposalList from './ProposalList';
import ProposalPage from './ProposalPage';
import Delegation from './Delegation';
import NewProposal from './NewProposal';
import './gov.css';

const TABS: { href: string; key: MessageKey; auth?: boolean }[] = [
  { href: '/governance', key: 'gov.tab.proposals' },
  { href: '/governance/delegation', key: 'gov.tab.delegation', auth: true },
  { href: '/governance/new', key: 'gov.tab.new', auth: true },
];

/**
 * Governance (issue 10, item 3, over the public contract of issue 9). Routes: /governance (proposals),
 * /governance/proposals/:id, /governance/delegation, /governance/new. Reads are public; voting, delegating and
 * proposing need a signed-in member, and signing needs the browser wallet of the signed-in DID.
 */
export default function Governance({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const parts = path.replace(/\/+$/, '').split('/').slice(2);
  let body;
  let current = '/governance';
  if (parts[0] === 'proposals' && parts[1]) body = <ProposalPage id={decodeURIComponent(parts[1])} />;
  else if (parts[0] === 'delegation') {
    current = '/governance/delegation';
    body = <Delegation />;
  } else if (parts[0] === 'new') {
    current = '/governance/new';
    body = <NewProposal />;
  } else body = <ProposalList />;
  return (
    <>
      <nav aria-label={t('gov.tab.label')} class="sub-tabs">
        <ul>
          {TABS.filter((tab) => !tab.auth || session).map((tab) => (
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

export function StateBadge({ state }: { state: string | undefined }) {
  const { t } = useI18n();
  const k = `gov.state.${state}` as MessageKey;
  return (
    <span class={`badge state-${(state ?? '').toLowerCase()}`} data-state={state}>
      {state ? t(k) : ''}
    </span>
  );
}

export function KindBadge({ kind }: { kind: string | undefined }) {
  const { t } = useI18n();
  return <span class="badge" data-kind={kind}>{kind ? t(`gov.kind.${kind}` as MessageKey) : ''}</span>;
}
