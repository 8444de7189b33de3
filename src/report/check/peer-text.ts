import { rangeToCidrs } from '../../model/ip.js';
import { peerKey, type Peer } from '../../model/peer.js';

/**
 * A needed link's peer as the report's sentences name peers: an address range as the CIDRs that
 * cover it (`0.0.0.0/0`, `203.0.113.0/24`), as in the outside section, not as an address atom
 * (`0.0.0.0-255.255.255.255[External]`); workloads and the ingress controller by their key.
 * `json` keeps the key, which tools parse back with `parsePeer`.
 */
export function linkPeerText(p: Peer): string {
  return p.kind === 'external' ? rangeToCidrs(p.range).join(', ') : peerKey(p);
}
