import { api } from '../../api/client';
import type { components } from '../../api/schema';

export type Product = components['schemas']['Product'];
export type ProductVersion = components['schemas']['ProductVersion'];
export type Wallet = components['schemas']['WalletView'];

export async function product(id: string): Promise<Product> {
  return (await api.GET('/api/v1/products/{id}', { params: { path: { id } } })).data!;
}

export async function versions(id: string): Promise<ProductVersion[]> {
  return (await api.GET('/api/v1/products/{id}/versions', { params: { path: { id } } })).data ?? [];
}

/** Minor units for a request body: a JSON number while exact in a double (always for real prices), else refused. */
export function minorNumber(minor: string): number {
  const n = Number(minor);
  if (!Number.isSafeInteger(n)) throw new RangeError('amount too large');
  return n;
}

export const newKey = (): string => crypto.randomUUID();
