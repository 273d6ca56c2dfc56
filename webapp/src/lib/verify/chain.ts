/**
 * Reads the AuditAnchor contract over the chain's JSON-RPC straight from the browser (eth_call of
 * `rootAt(uint64)`, eth_getLogs of `Anchored(uint64 indexed treeSize, bytes32 root, uint256 timestamp)`), so an
 * anchored root is checked against the chain itself, not against what the platform says it anchored.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes, utf8 } from './bytes';

export type Fetch = typeof fetch;

export class RpcError extends Error {
  constructor(message: string, readonly code?: number) {
    super(message);
  }
}

const selector = (signature: string): string => bytesToHex(keccak_256(utf8(signature)).slice(0, 4));
export const ROOT_AT_SELECTOR = selector('rootAt(uint64)');
export const LATEST_TREE_SIZE_SELECTOR = selector('latestTreeSize()');
export const ANCHORED_TOPIC = `0x${bytesToHex(keccak_256(utf8('Anchored(uint64,bytes32,uint256)')))}`;

const ZERO_ROOT = '0'.repeat(64);

export function uint256Word(n: number | bigint): string {
  const v = BigInt(n);
  if (v < 0n || v >= 1n << 256n) {
    throw new Error('out of uint256 range');
  }
  return v.toString(16).padStart(64, '0');
}

let nextId = 1;

export async function rpc<T>(url: string, method: string, params: unknown[], fetchFn: Fetch = fetch): Promise<T> {
  const res = await fetchFn(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
  });
  if (!res.ok) {
    throw new RpcError(`${method}: HTTP ${res.status}`);
  }
  const body = (await res.json()) as { result?: T; error?: { code: number; message: string } };
  if (body.error) {
    throw new RpcError(`${method}: ${body.error.message}`, body.error.code);
  }
  return body.result as T;
}

export async function chainId(url: string, fetchFn: Fetch = fetch): Promise<number> {
  return Number(BigInt(await rpc<string>(url, 'eth_chainId', [], fetchFn)));
}

/** The root the contract holds for a tree size (`rootAt`), hex without 0x; null when that size was never anchored. */
export async function rootAt(url: string, contract: string, treeSize: number, fetchFn: Fetch = fetch): Promise<string | null> {
  const data = `0x${ROOT_AT_SELECTOR}${uint256Word(treeSize)}`;
  const out = await rpc<string>(url, 'eth_call', [{ to: contract, data }, 'latest'], fetchFn);
  const hex = out.replace(/^0x/, '').toLowerCase();
  if (hex.length !== 64) {
    throw new RpcError(`rootAt answered ${out.length} characters: is ${contract} an AuditAnchor contract?`);
  }
  return hex === ZERO_ROOT ? null : hex;
}

export async function latestTreeSize(url: string, contract: string, fetchFn: Fetch = fetch): Promise<number> {
  const out = await rpc<string>(url, 'eth_call', [{ to: contract, data: `0x${LATEST_TREE_SIZE_SELECTOR}` }, 'latest'], fetchFn);
  return Number(BigInt(out));
}

export interface AnchoredEvent {
  treeSize: number;
  root: string;
  timestamp: number;
  blockNumber: number;
  txHash: string;
}

interface RawLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  transactionHash: string;
  removed?: boolean;
}

export function decodeAnchored(log: RawLog): AnchoredEvent {
  if (log.topics[0]?.toLowerCase() !== ANCHORED_TOPIC || log.topics.length !== 2) {
    throw new Error('not an Anchored event');
  }
  const data = hexToBytes(log.data);
  if (data.length !== 64) {
    throw new Error('Anchored event data must be 64 bytes');
  }
  return {
    treeSize: Number(BigInt(log.topics[1])),
    root: bytesToHex(data.slice(0, 32)),
    timestamp: Number(BigInt(`0x${bytesToHex(data.slice(32))}`)),
    blockNumber: Number(BigInt(log.blockNumber)),
    txHash: log.transactionHash.toLowerCase(),
  };
}

/**
 * The `Anchored` events of the contract for one tree size (the size is an indexed topic), read from the given
 * block on (a public chain may limit the range: pass the block the platform names).
 */
export async function anchoredEvents(
  url: string, contract: string, treeSize: number, fromBlock = 0, fetchFn: Fetch = fetch,
): Promise<AnchoredEvent[]> {
  const logs = await rpc<RawLog[]>(url, 'eth_getLogs', [{
    address: contract,
    fromBlock: `0x${fromBlock.toString(16)}`,
    toBlock: 'latest',
    topics: [ANCHORED_TOPIC, `0x${uint256Word(treeSize)}`],
  }], fetchFn);
  return logs.filter((l) => !l.removed && l.address.toLowerCase() === contract.toLowerCase()).map(decodeAnchored);
}

export interface TxReceipt {
  status: boolean;
  to: string | null;
  blockNumber: number;
  logs: RawLog[];
}

export async function receipt(url: string, txHash: string, fetchFn: Fetch = fetch): Promise<TxReceipt | null> {
  const r = await rpc<{ status: string; to: string | null; blockNumber: string; logs: RawLog[] } | null>(
    url, 'eth_getTransactionReceipt', [txHash], fetchFn);
  if (!r) {
    return null;
  }
  return { status: r.status === '0x1', to: r.to, blockNumber: Number(BigInt(r.blockNumber)), logs: r.logs };
}
