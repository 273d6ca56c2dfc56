/**
 * The audit explorer's verification of one entry, step by step, from the public contract alone (DESIGN §4):
 * the platform's DID document gives the checkpoint key, the signed checkpoint gives a root, the entry and its
 * RFC 9162 inclusion proof must lead to that root, and the root the AuditAnchor contract holds on chain (read
 * over JSON-RPC, not from the platform) must be reached by the entry's proof too, with the anchored tree a
 * prefix of the checkpoint's (consistency proof). Each step reports as it runs, for the progress display.
 */
import { bytesToHex, hexToBytes, utf8 } from './bytes';
import { anchoredEvents, chainId, latestTreeSize, rootAt, type Fetch } from './chain';
import { checkpointKey } from './didkey';
import { isCanonical } from './jcs';
import { leafHash, rootFromInclusionProof, verifyConsistency } from './merkle';
import { parseCheckpoint, parseNote, verifyNote, type Checkpoint } from './note';

export type StepId = 'did' | 'checkpoint' | 'entry' | 'inclusion' | 'chain' | 'anchored-inclusion' | 'consistency';
export type StepStatus = 'running' | 'ok' | 'failed' | 'pending';

export interface Step {
  id: StepId;
  status: StepStatus;
  /** Values for the screen's translated message (sizes, hashes, reasons); never prose. */
  info: Record<string, string | number>;
}

export interface EntryView {
  index: number;
  canonical: string;
  leafHash: string;
  type: string;
  time: string;
}

export interface ContractView {
  chainId: number;
  address: string;
  rpcUrl: string | null;
}

export interface VerifyOptions {
  /** The platform's base URL ('' for the app's own origin). */
  baseUrl: string;
  index: number;
  /** The chain's JSON-RPC URL; defaults to the one the platform suggests. */
  rpcUrl?: string;
  onStep?: (step: Step) => void;
  fetchFn?: Fetch;
}

export interface VerifyResult {
  /** True only when every step passed, the chain included. */
  verified: boolean;
  /** True when everything the platform signed checks out but no anchor covers the entry yet. */
  awaitingAnchor: boolean;
  steps: Step[];
  checkpoint?: Checkpoint;
  entry?: EntryView;
  anchor?: { treeSize: number; root: string; blockNumber?: number; txHash?: string; chainId: number };
}

class StepFailed extends Error {
}

async function getJson<T>(fetchFn: Fetch, url: string): Promise<T> {
  const res = await fetchFn(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) {
    throw new Error(`GET ${url}: HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

async function getText(fetchFn: Fetch, url: string): Promise<string> {
  const res = await fetchFn(url, { headers: { Accept: 'text/plain' } });
  if (!res.ok) {
    throw new Error(`GET ${url}: HTTP ${res.status}`);
  }
  return res.text();
}

export async function verifyEntry(opts: VerifyOptions): Promise<VerifyResult> {
  const fetchFn = opts.fetchFn ?? fetch.bind(globalThis);
  const base = opts.baseUrl.replace(/\/$/, '');
  const steps: Step[] = [];
  const result: VerifyResult = { verified: false, awaitingAnchor: false, steps };
  let current: Step | null = null;
  const begin = (id: StepId): Step => {
    current = { id, status: 'running', info: {} };
    steps.push(current);
    opts.onStep?.({ ...current });
    return current;
  };
  const end = (s: Step, status: StepStatus, info: Record<string, string | number> = {}): void => {
    s.status = status;
    Object.assign(s.info, info);
    opts.onStep?.({ ...s, info: { ...s.info } });
  };
  const check = (s: Step, ok: boolean, info: Record<string, string | number>): void => {
    end(s, ok ? 'ok' : 'failed', info);
    if (!ok) {
      throw new StepFailed(s.id);
    }
  };

  try {
    let s = begin('did');
    const key = checkpointKey(await getJson(fetchFn, `${base}/.well-known/did.json`));
    end(s, 'ok', { did: key.did, key: bytesToHex(key.raw) });

    s = begin('checkpoint');
    const note = parseNote(await getText(fetchFn, `${base}/api/v1/audit/checkpoint`));
    const cp = parseCheckpoint(note.text);
    result.checkpoint = cp;
    const sig = await verifyNote(note, key.noteKeyName ?? cp.origin, key.raw);
    check(s, sig.ok, { treeSize: cp.treeSize, root: bytesToHex(cp.rootHash), keyId: sig.keyId, reason: sig.reason });

    s = begin('entry');
    if (opts.index >= cp.treeSize) {
      check(s, false, { reason: 'not-in-checkpoint', treeSize: cp.treeSize });
    }
    const entry = await getJson<EntryView>(fetchFn, `${base}/api/v1/audit/entries/${opts.index}`);
    result.entry = entry;
    const leaf = await leafHash(utf8(entry.canonical));
    const canonical = isCanonical(entry.canonical);
    const leafOk = bytesToHex(leaf) === entry.leafHash.toLowerCase();
    check(s, canonical && leafOk && entry.index === opts.index, {
      leafHash: bytesToHex(leaf), reason: !canonical ? 'not-canonical' : !leafOk ? 'leaf-hash-mismatch' : 'ok',
    });

    s = begin('inclusion');
    const proof = await getJson<{ hashes: string[] }>(fetchFn,
      `${base}/api/v1/audit/proofs/inclusion?index=${opts.index}&treeSize=${cp.treeSize}`);
    const root = await rootFromInclusionProof(opts.index, cp.treeSize, leaf, proof.hashes);
    check(s, root !== null && bytesToHex(root) === bytesToHex(cp.rootHash),
      { treeSize: cp.treeSize, pathLength: proof.hashes.length });

    s = begin('chain');
    const contract = await getJson<ContractView>(fetchFn, `${base}/api/v1/audit/contract`);
    const rpcUrl = opts.rpcUrl || contract.rpcUrl;
    if (!rpcUrl) {
      check(s, false, { reason: 'no-rpc-url' });
      return result;
    }
    const id = await chainId(rpcUrl, fetchFn);
    if (id !== contract.chainId) {
      check(s, false, { reason: 'chain-id-mismatch', chainId: id, expected: contract.chainId });
    }
    const anchoredSize = await latestTreeSize(rpcUrl, contract.address, fetchFn);
    if (anchoredSize <= opts.index) {
      end(s, 'pending', { anchoredSize, chainId: id });
      result.awaitingAnchor = true;
      return result;
    }
    const chainRoot = await rootAt(rpcUrl, contract.address, anchoredSize, fetchFn);
    if (chainRoot === null) {
      check(s, false, { reason: 'no-root-on-chain', anchoredSize });
      return result;
    }
    const events = await anchoredEvents(rpcUrl, contract.address, anchoredSize, 0, fetchFn);
    const event = events.find((e) => e.root === chainRoot);
    result.anchor = { treeSize: anchoredSize, root: chainRoot, chainId: id, blockNumber: event?.blockNumber, txHash: event?.txHash };
    check(s, event !== undefined, {
      chainId: id, anchoredSize, root: chainRoot, blockNumber: event?.blockNumber ?? '', txHash: event?.txHash ?? '',
      reason: event ? 'ok' : 'no-anchored-event',
    });

    s = begin('anchored-inclusion');
    const anchoredProof = await getJson<{ hashes: string[] }>(fetchFn,
      `${base}/api/v1/audit/proofs/inclusion?index=${opts.index}&treeSize=${anchoredSize}`);
    const anchoredRoot = await rootFromInclusionProof(opts.index, anchoredSize, leaf, anchoredProof.hashes);
    check(s, anchoredRoot !== null && bytesToHex(anchoredRoot) === chainRoot,
      { treeSize: anchoredSize, pathLength: anchoredProof.hashes.length });

    s = begin('consistency');
    const [small, big] = anchoredSize <= cp.treeSize
      ? [{ n: anchoredSize, r: hexToBytes(chainRoot) }, { n: cp.treeSize, r: cp.rootHash }]
      : [{ n: cp.treeSize, r: cp.rootHash }, { n: anchoredSize, r: hexToBytes(chainRoot) }];
    const cons = await getJson<{ hashes: string[] }>(fetchFn,
      `${base}/api/v1/audit/proofs/consistency?from=${small.n}&to=${big.n}`);
    check(s, await verifyConsistency(small.n, big.n, small.r, big.r, cons.hashes), { from: small.n, to: big.n });

    result.verified = true;
  } catch (e) {
    const s = current as Step | null;
    if (!(e instanceof StepFailed) && s && s.status === 'running') {
      end(s, 'failed', { reason: 'error', error: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}
