import { useEffect, useRef } from 'preact/hooks';
import { api } from '../../api/client';
import { ProblemError } from '../../api/problem';
import type { components } from '../../api/schema';
import type { PublishedBallot } from '../../lib/gov';

export type Proposal = components['schemas']['Proposal'];
export type Tally = components['schemas']['ProposalTally'];
export type Weights = components['schemas']['ProposalWeights'];
export type Params = components['schemas']['GovernanceParameters'];
export type KindParams = components['schemas']['KindParameters'];
export type Policy = components['schemas']['RevenuePolicy'];

export async function proposal(id: string): Promise<Proposal> {
  return (await api.GET('/api/v1/governance/proposals/{id}', { params: { path: { id } } })).data!;
}

/** The tally, or null before voting starts (no snapshot yet) */
export async function tally(id: string): Promise<Tally | null> {
  try {
    return (await api.GET('/api/v1/governance/proposals/{id}/tally', { params: { path: { id } } })).data!;
  } catch (e) {
    if (e instanceof ProblemError && (e.status === 404 || e.status === 409)) return null;
    throw e;
  }
}

export async function weights(id: string): Promise<Weights | null> {
  try {
    return (await api.GET('/api/v1/governance/proposals/{id}/weights', { params: { path: { id } } })).data!;
  } catch (e) {
    if (e instanceof ProblemError && (e.status === 404 || e.status === 409)) return null;
    throw e;
  }
}

/** Every published ballot of a proposal, all pages, in receive order. */
export async function allBallots(id: string): Promise<PublishedBallot[]> {
  const out: PublishedBallot[] = [];
  let cursor: string | undefined;
  do {
    const page = (await api.GET('/api/v1/governance/proposals/{id}/ballots', {
      params: { path: { id }, query: { cursor, limit: 200 } },
    })).data!;
    out.push(...((page.items ?? []) as PublishedBallot[]));
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

/** Runs `tick` every `ms` while `active`, stopping on unmount; a tick returning true stops the polling. */
export function usePoll(tick: () => Promise<boolean | void>, ms: number, active: boolean, deps: unknown[] = []): void {
  const ref = useRef(tick);
  ref.current = tick;
  useEffect(() => {
    if (!active) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      let stop = false;
      try {
        stop = (await ref.current()) === true;
      } catch {
        // a failed poll is retried at the next tick; the screen shows the last good state
      }
      if (live && !stop) timer = setTimeout(run, ms);
    };
    timer = setTimeout(run, ms);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, ms, ...deps]);
}

export const newKey = (): string => crypto.randomUUID();
