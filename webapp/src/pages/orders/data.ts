import { api } from '../../api/client';
import type { components } from '../../api/schema';

export type Order = components['schemas']['OrderView'];
export type OrderLine = components['schemas']['OrderLineView'];
export type OrderStep = components['schemas']['OrderStepView'];
export type Review = components['schemas']['ReviewView'];
export type ReviewPage = components['schemas']['ReviewPage'];
export type Party = components['schemas']['SupplyChainParty'];

export type Viewer = 'buyer' | 'merchant';

export async function orders(as: Viewer, cursor?: string): Promise<{ items: Order[]; next: string | null }> {
  const page = (await api.GET('/api/v1/orders', { params: { query: { as, cursor, limit: '20' } as never } })).data!;
  return { items: page.items ?? [], next: page.next ?? null };
}

export async function order(id: string): Promise<Order> {
  return (await api.GET('/api/v1/orders/{id}', { params: { path: { id } } })).data!;
}

type Step = 'shipment' | 'delivery' | 'completion' | 'cancellation' | 'refund';

/** One order step (POST /orders/{id}/{step}) with the action's Idempotency-Key; the order as it is now. */
export async function step(id: string, s: Step, key: string, body: object = {}): Promise<Order> {
  const params = { path: { id }, header: { 'Idempotency-Key': key } };
  const b = body as never;
  switch (s) {
    case 'shipment':
      return (await api.POST('/api/v1/orders/{id}/shipment', { params, body: b })).data!;
    case 'delivery':
      return (await api.POST('/api/v1/orders/{id}/delivery', { params, body: b })).data!;
    case 'completion':
      return (await api.POST('/api/v1/orders/{id}/completion', { params, body: b })).data!;
    case 'cancellation':
      return (await api.POST('/api/v1/orders/{id}/cancellation', { params, body: b })).data!;
    case 'refund':
      return (await api.POST('/api/v1/orders/{id}/refund', { params, body: b })).data!;
  }
}

export async function reviews(productId: string, cursor?: string): Promise<ReviewPage> {
  return (await api.GET('/api/v1/products/{id}/reviews', {
    params: { path: { id: productId }, query: { cursor, limit: '20' } as never },
  })).data!;
}
