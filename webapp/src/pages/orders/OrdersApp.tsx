import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ShopTabs } from '../shop/ShopTabs';
import OrderList from './OrderList';
import OrderDetail from './OrderDetail';
import Receivables from './Receivables';
import MerchantReviews from './MerchantReviews';
import TraceConsole from './TraceConsole';
import '../shop/shop.css';
import './orders.css';

/**
 * Orders (issue 11, item 7): /orders and /orders/:id (the partner's), /merchant/orders and /merchant/orders/:id,
 * /merchant/receivables, /merchant/reviews and /merchant/trace/:productId (supply-chain parties and event capture).
 */
export default function OrdersApp({ path }: { path: string }) {
  const { t } = useI18n();
  const session = useSession();
  const parts = path.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent);
  const merchant = parts[0] === 'merchant';
  const role = merchant ? 'merchant' : 'partner';
  let current = merchant ? `/merchant/${parts[1]}` : '/orders';
  let body;
  if (!session?.roles.includes(role)) {
    body = <p class="warning" id="orders-role-only">{t(merchant ? 'merchant.merchantOnly' : 'orders.partnerOnly')}</p>;
  } else if (merchant && parts[1] === 'receivables') body = <Receivables />;
  else if (merchant && parts[1] === 'reviews') body = <MerchantReviews />;
  else if (merchant && parts[1] === 'trace' && parts[2]) {
    current = '/merchant';
    body = <TraceConsole productId={parts[2]} />;
  } else if (parts[merchant ? 2 : 1]) body = <OrderDetail id={parts[merchant ? 2 : 1]!} viewer={merchant ? 'merchant' : 'buyer'} />;
  else body = <OrderList viewer={merchant ? 'merchant' : 'buyer'} />;
  return (
    <>
      <ShopTabs current={current} />
      {body}
    </>
  );
}
