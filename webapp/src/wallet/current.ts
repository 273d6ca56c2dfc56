import { useEffect, useState } from 'preact/hooks';
import { loadWallet, type Wallet } from './wallet';

// The wallet opened from IndexedDB, shared by the screens that sign (wallet, credentials, governance).
let cached: Promise<Wallet | undefined> | undefined;
const listeners = new Set<() => void>();

export function currentWallet(): Promise<Wallet | undefined> {
  cached ??= loadWallet();
  return cached;
}

export function walletChanged(w: Wallet | undefined): void {
  cached = Promise.resolve(w);
  listeners.forEach((l) => l());
}

export function useWallet(): { state: 'loading' } | { state: 'ready'; wallet: Wallet | undefined } | { state: 'error'; error: unknown } {
  const [v, set] = useState<ReturnType<typeof useWallet>>({ state: 'loading' });
  useEffect(() => {
    const refresh = () =>
      currentWallet().then(
        (wallet) => set({ state: 'ready', wallet }),
        (error) => set({ state: 'error', error }),
      );
    listeners.add(refresh);
    refresh();
    return () => void listeners.delete(refresh);
  }, []);
  return v;
}
