import type { ComponentType } from 'preact';
import type { MessageKey } from './i18n';

/**
 * The app's screens. Each is loaded on first visit (code splitting keeps the first load small). Features add
 * their routes here; `nav` puts a route in the main navigation, `auth` requires a signed-in user.
 */
export interface Route {
  path: string; // exact, or a prefix ending in '/*'
  title: MessageKey;
  load: () => Promise<{ default: ComponentType<{ path: string }> }>;
  nav?: boolean;
  auth?: boolean;
  /** Shown in the navigation only to a session holding one of these roles (the API refuses everyone else). */
  roles?: string[];
}

export const routes: Route[] = [
  { path: '/', title: 'nav.home', load: () => import('./pages/Home'), nav: true },
  { path: '/wallet', title: 'nav.wallet', load: () => import('./pages/Wallet'), nav: true },
  { path: '/account', title: 'nav.account', load: () => import('./pages/Account'), nav: true, auth: true },
  { path: '/credentials', title: 'nav.credentials', load: () => import('./pages/Credentials'), nav: true, auth: true },
  { path: '/personal-data', title: 'nav.personalData', load: () => import('./pages/PersonalData'), nav: true, auth: true },
  { path: '/balances', title: 'nav.balances', load: () => import('./pages/Balances'), nav: true, auth: true },
  { path: '/auth/callback', title: 'auth.callback', load: () => import('./pages/AuthCallback') },
  { path: '/governance', title: 'nav.governance', load: () => import('./pages/gov/Governance'), nav: true },
  { path: '/governance/*', title: 'nav.governance', load: () => import('./pages/gov/Governance') },
  { path: '/audit', title: 'nav.audit', load: () => import('./pages/audit/AuditExplorer'), nav: true },
  { path: '/audit/*', title: 'nav.audit', load: () => import('./pages/audit/AuditExplorer') },
  { path: '/shop', title: 'nav.shop', load: () => import('./pages/shop/Shop'), nav: true },
  { path: '/shop/wallet', title: 'nav.shopWallet', load: () => import('./pages/shop/Shop'), nav: true, auth: true, roles: ['partner'] },
  { path: '/shop/*', title: 'nav.shop', load: () => import('./pages/shop/Shop') },
  // Orders (before '/merchant/*', which would match them): the partner's, the merchant's, receivables, reviews, trace.
  { path: '/orders', title: 'nav.orders', load: () => import('./pages/orders/OrdersApp'), nav: true, auth: true, roles: ['partner'] },
  { path: '/orders/*', title: 'nav.orders', load: () => import('./pages/orders/OrdersApp'), auth: true },
  { path: '/merchant/orders', title: 'nav.merchantOrders', load: () => import('./pages/orders/OrdersApp'), auth: true },
  { path: '/merchant/orders/*', title: 'nav.merchantOrders', load: () => import('./pages/orders/OrdersApp'), auth: true },
  { path: '/merchant/receivables', title: 'nav.receivables', load: () => import('./pages/orders/OrdersApp'), auth: true },
  { path: '/merchant/reviews', title: 'nav.merchantReviews', load: () => import('./pages/orders/OrdersApp'), auth: true },
  { path: '/merchant/trace/*', title: 'nav.merchant', load: () => import('./pages/orders/OrdersApp'), auth: true },
  { path: '/merchant', title: 'nav.merchant', load: () => import('./pages/shop/Shop'), nav: true, auth: true, roles: ['merchant'] },
  { path: '/merchant/*', title: 'nav.merchant', load: () => import('./pages/shop/Shop'), auth: true },
  { path: '/partner', title: 'nav.partner', load: () => import('./pages/economy/Partner'), nav: true, auth: true, roles: ['partner'] },
  { path: '/partner/*', title: 'nav.partner', load: () => import('./pages/economy/Partner'), auth: true },
  { path: '/transparency', title: 'nav.transparency', load: () => import('./pages/economy/Transparency'), nav: true },
  { path: '/transparency/*', title: 'nav.transparency', load: () => import('./pages/economy/Transparency') },
  { path: '/admin', title: 'nav.admin', load: () => import('./pages/admin/AdminConsole'), nav: true, auth: true, roles: ['admin'] },
  { path: '/admin/*', title: 'nav.admin', load: () => import('./pages/admin/AdminConsole'), auth: true },
];

export function match(path: string): Route | undefined {
  return routes.find((r) => (r.path.endsWith('/*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path));
}
