import { problemOf } from '../../api/problem';
import { getLocale } from '../../i18n';

// The explorer reads the public audit contract with plain fetch: what it shows is what any third party gets.
export async function publicJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': getLocale() } });
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

export async function publicText(path: string): Promise<string> {
  const res = await fetch(path, { headers: { Accept: 'text/plain', 'Accept-Language': getLocale() } });
  if (!res.ok) throw await problemOf(res);
  return res.text();
}

export interface Anchor {
  treeSize: number;
  root: string;
  chainId: number;
  contract: string;
  txHash: string;
  blockNumber: number;
  gasUsed: number;
  anchoredAt: string;
}

export interface AnchorPage {
  items: Anchor[];
  next: string | null;
}

export interface Contract {
  chainId: number;
  address: string;
  rpcUrl: string | null;
}

/** The chain's JSON-RPC URL: what the user typed, else what the platform suggests. */
export async function rpcUrlFor(typed: string): Promise<string | null> {
  if (typed.trim()) return typed.trim();
  return (await publicJson<Contract>('/api/v1/audit/contract')).rpcUrl;
}

export const short = (hex: string): string => (hex.length > 20 ? `${hex.slice(0, 10)}…${hex.slice(-8)}` : hex);
