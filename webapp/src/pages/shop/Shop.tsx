import { ShopTabs } from './ShopTabs';
import Catalogue from './Catalogue';
import ProductPage from './ProductPage';
import ShopWallet from './ShopWallet';
import MerchantConsole from './MerchantConsole';
import './shop.css';

/**
 * The commerce screens (issue 11, item 7, the parts whose backend exists): /shop (browse and search),
 * /shop/products/:id (current version and history), /shop/wallet (balances, sandbox top-up), /merchant/... (console).
 */
export default function Shop({ path }: { path: string }) {
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
      <ShopTabs current={current} />
      {body}
    </>
  );
}
