import { useRef, useState } from 'preact/hooks';
import { ActionKeys } from '../../lib/orders';

/**
 * Runs a user's write: the action's Idempotency-Key is fresh for a new action and the same when the user retries the
 * same action with the same input after a failure (so a request whose answer was lost is not done twice).
 */
export function useAction() {
  const keys = useRef(new ActionKeys()).current;
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState<{ action: string; error: unknown }>();
  async function run<T>(action: string, body: unknown, call: (key: string) => Promise<T>): Promise<T | undefined> {
    setBusy(action);
    setFailed(undefined);
    const key = keys.key(action, body);
    try {
      const out = await call(key);
      keys.done(action);
      return out;
    } catch (error) {
      setFailed({ action, error });
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }
  return { run, busy, failed, errorOf: (action: string) => (failed?.action === action ? failed.error : undefined) };
}
