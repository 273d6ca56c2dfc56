import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8 } from '../../src/lib/verify/bytes';
import { verifyEntry, type Step } from '../../src/lib/verify/audit';
import { ANCHORED_TOPIC, LATEST_TREE_SIZE_SELECTOR, ROOT_AT_SELECTOR } from '../../src/lib/verify/chain';
import { leafHash, verifyConsistency, verifyInclusion } from '../../src/lib/verify/merkle';
import recorded from './fixtures/platform-entry-5.json';
import anchors from './fixtures/platform-anchors.json';

// Real output, recorded once from a started platform (AuditResource, the did:web document) and its anvil chain
// (JSON-RPC): the verifier must accept it, and must refuse every single lie told about it.
type Exchange = (typeof recorded.exchanges)[number];

function keyOf(method: string, url: string, body?: string): string {
  if (!body) {
    return `${method} ${url}`;
  }
  const { method: m, params } = JSON.parse(body);
  return `${method} ${url} ${m} ${JSON.stringify(params)}`;
}

function replay(edit: (x: Exchange) => Exchange = (x) => x): typeof fetch {
  const table = new Map(recorded.exchanges.map((x) => [keyOf(x.method, x.url, x.body), x]));
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const x = table.get(keyOf(init?.method ?? 'GET', String(input), init?.body as string | undefined));
    if (!x) {
      return new Response('not recorded', { status: 404 });
    }
    const e = edit(structuredClone(x));
    return new Response(e.response, { status: e.status, headers: { 'content-type': e.contentType } });
  }) as typeof fetch;
}

const run = (fetchFn: typeof fetch) => verifyEntry({ baseUrl: 'http://127.0.0.1:19580', index: 5, fetchFn });
const failedStep = (steps: Step[]) => steps.find((s) => s.status === 'failed');

function editJson(pathEnd: string, f: (v: Record<string, unknown>) => void) {
  return (x: Exchange): Exchange => {
    if (x.url.endsWith(pathEnd) || x.url.includes(pathEnd)) {
      const v = JSON.parse(x.response);
      f(v);
      x.response = JSON.stringify(v);
    }
    return x;
  };
}

describe('verifying an entry of the real platform against its signed checkpoint and the chain', () => {
  it('verifies every step of the recorded output', async () => {
    const seen: string[] = [];
    const r = await verifyEntry({ baseUrl: 'http://127.0.0.1:19580', index: 5, fetchFn: replay(), onStep: (s) => seen.push(`${s.id}:${s.status}`) });
    expect(failedStep(r.steps)).toBeUndefined();
    expect(r.verified).toBe(true);
    expect(r.steps.map((s) => s.id)).toEqual(['did', 'checkpoint', 'entry', 'inclusion', 'chain', 'anchored-inclusion', 'consistency']);
    expect(seen.slice(0, 2)).toEqual(['did:running', 'did:ok']);
    expect(r.anchor).toMatchObject({ treeSize: 14, chainId: 31337, blockNumber: 4 });
    expect(r.checkpoint?.treeSize).toBe(14);
    expect(r.steps[1].info.keyId).toBe('7222ce2f');
  });

  it('refuses an entry whose canonical JSON was altered', async () => {
    const r = await run(replay(editJson('/audit/entries/5', (v) => {
      v.canonical = (v.canonical as string).replace('PENDING', 'VERIFIED');
    })));
    expect(r.verified).toBe(false);
    expect(failedStep(r.steps)).toMatchObject({ id: 'entry', info: { reason: 'leaf-hash-mismatch' } });
  });

  it('refuses an altered entry served with a matching leaf hash (the proof then fails)', async () => {
    const altered = recorded.exchanges.find((x) => x.url.endsWith('/audit/entries/5'))!;
    const canonical = (JSON.parse(altered.response).canonical as string).replace('PENDING', 'VERIFIED');
    const leaf = bytesToHex(await leafHash(utf8(canonical)));
    const r = await run(replay(editJson('/audit/entries/5', (v) => {
      v.canonical = canonical;
      v.leafHash = leaf;
    })));
    expect(failedStep(r.steps)?.id).toBe('inclusion');
  });

  it('refuses a checkpoint whose signature does not verify', async () => {
    const r = await run(replay((x) => {
      if (x.url.endsWith('/audit/checkpoint')) {
        x.response = x.response.replace('\n14\n', '\n15\n');
      }
      return x;
    }));
    expect(failedStep(r.steps)).toMatchObject({ id: 'checkpoint', info: { reason: 'bad-signature' } });
  });

  it('refuses a checkpoint key other than the one in the DID document', async () => {
    const r = await run(replay(editJson('/.well-known/did.json', (v) => {
      (v.verificationMethod as { publicKeyJwk: { x: string } }[])[0].publicKeyJwk.x = 'He9TH4auXdRmEPpASy1l6A_87VOFIZHgTs0hbEupvvg';
    })));
    expect(failedStep(r.steps)).toMatchObject({ id: 'checkpoint', info: { reason: 'key-id-mismatch' } });
  });

  it('refuses when the chain holds another root for the anchored size', async () => {
    const r = await run(replay((x) => {
      if (x.body?.includes(ROOT_AT_SELECTOR)) {
        x.response = x.response.replace(/"result":"0x[0-9a-f]{4}/, '"result":"0xffff');
      }
      return x;
    }));
    expect(r.verified).toBe(false);
    expect(failedStep(r.steps)).toMatchObject({ id: 'chain', info: { reason: 'no-anchored-event' } });
  });

  it('refuses a chain with another chain id than the platform names', async () => {
    const r = await run(replay((x) => {
      if (x.body?.includes('eth_chainId')) {
        x.response = x.response.replace(/"result":"0x[0-9a-f]+"/, '"result":"0x1"');
      }
      return x;
    }));
    expect(failedStep(r.steps)).toMatchObject({ id: 'chain', info: { reason: 'chain-id-mismatch', chainId: 1 } });
  });

  it('reports an entry the chain does not cover yet as awaiting its anchor, not as verified', async () => {
    const r = await run(replay((x) => {
      if (x.body?.includes(LATEST_TREE_SIZE_SELECTOR)) {
        x.response = x.response.replace(/"result":"0x[0-9a-f]+"/, `"result":"0x${'0'.repeat(63)}5"`);
      }
      return x;
    }));
    expect(r.verified).toBe(false);
    expect(r.awaitingAnchor).toBe(true);
    expect(r.steps.at(-1)).toMatchObject({ id: 'chain', status: 'pending', info: { anchoredSize: 5 } });
  });

  it('reports an unreachable chain as a failed chain step', async () => {
    const fetchFn = replay();
    const r = await run((async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes(':19045')) {
        throw new TypeError('Failed to fetch');
      }
      return fetchFn(input, init);
    }) as typeof fetch);
    expect(failedStep(r.steps)).toMatchObject({ id: 'chain', info: { reason: 'error', error: 'Failed to fetch' } });
  });
});

describe('the real anchors', () => {
  it('use the selectors and event topic of the deployed AuditAnchor (keccak-256 of the Solidity signatures)', () => {
    expect(ROOT_AT_SELECTOR).toBe('eaa38b41');
    expect(LATEST_TREE_SIZE_SELECTOR).toBe('5854c57d');
    expect(ANCHORED_TOPIC).toBe('0x536e3d020fdb6cec20829a2383fe616346f84ad3ff82cbcfb3b1f003563b3f7f');
    // The recorded calls that the real anvil answered used exactly these.
    expect(recorded.exchanges.some((x) => x.body?.includes(`"data":"0x${ROOT_AT_SELECTOR}`))).toBe(true);
    expect(recorded.exchanges.some((x) => x.body?.includes(ANCHORED_TOPIC))).toBe(true);
    expect(anchors.events['4'][0].treeSize).toBe(4);
    expect(anchors.roots['5']).toBeNull();
  });

  it('chain into one history: every anchored root is consistent with the later ones', async () => {
    const root = (n: string) => hexToBytes(anchors.roots[n as '3' | '4' | '14'] as string);
    for (const p of anchors.consistency) {
      expect(await verifyConsistency(p.from, p.to, root(String(p.from)), root(String(p.to)), p.hashes), `${p.from}→${p.to}`).toBe(true);
      expect(await verifyConsistency(p.from, p.to, root(String(p.to)), root(String(p.to)), p.hashes)).toBe(false);
    }
    for (const [i, p] of anchors.inclusion.entries()) {
      const leaf = await leafHash(utf8(anchors.entries[i].canonical));
      expect(bytesToHex(leaf)).toBe(anchors.entries[i].leafHash);
      expect(await verifyInclusion(p.leafIndex, p.treeSize, leaf, p.hashes, root(String(p.treeSize)))).toBe(true);
    }
    for (const a of anchors.anchors.items) {
      expect(a.root).toBe(anchors.roots[String(a.treeSize) as '3' | '4' | '14']);
      expect(anchors.events[String(a.treeSize) as '3' | '4' | '14'][0].txHash).toBe(a.txHash);
    }
  });
});
