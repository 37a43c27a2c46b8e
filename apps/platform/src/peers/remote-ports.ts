import { DomainError, type DomainErrorKind } from '@aftersales/kernel';
import { SERVICE_KEY_HEADER } from '@aftersales/nest';
import type { LogisticsPort } from '@aftersales/refund';

const KIND_OF_STATUS: Record<number, DomainErrorKind> = { 400: 'invalid', 404: 'not_found', 409: 'conflict', 422: 'rule' };

/**
 * `order=http://127.0.0.1:4001,logistics=http://…` (AFTERSALES_PEERS): where the other service processes listen.
 * Only logistics is called (the refund service's reissue parcel); services otherwise react to each other's events.
 */
export function peersFromEnv(value: string | undefined = process.env.AFTERSALES_PEERS): Map<string, string> {
  const peers = new Map<string, string>();
  for (const pair of (value ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`AFTERSALES_PEERS: '${pair}' is not name=url`);
    peers.set(pair.slice(0, at), pair.slice(at + 1).replace(/\/$/, ''));
  }
  return peers;
}

/**
 * A call to a peer's /internal endpoint. A 4xx problem comes back as the DomainError it was on the other side, so
 * the caller's error handling is the same as in one process; anything else (5xx, no answer) is a plain error, which a
 * bus reaction retries.
 */
async function callPeer<T>(baseUrl: string, serviceKey: string | undefined, path: string, body: unknown): Promise<T> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(serviceKey ? { [SERVICE_KEY_HEADER]: serviceKey } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (response.ok) return parsed as T;
  const kind = KIND_OF_STATUS[response.status];
  if (!kind) throw new Error(`${baseUrl}${path} answered ${response.status}: ${text}`);
  const { type: _type, title: _title, status: _status, detail, code, errors, ...details } = parsed;
  void _type;
  void _title;
  void _status;
  return Promise.reject(
    new DomainError(kind, String(code ?? kind), String(detail ?? `peer answered ${response.status}`), {
      ...details,
      ...(errors !== undefined ? { fields: errors } : {}),
    }),
  );
}

/**
 * The refund service's reissue parcel, asked of the logistics process (it answers with the shipment id), with the
 * service key the coordinator gave every process (AFTERSALES_SERVICE_KEY): /internal routes take nothing else.
 */
export function remoteLogistics(baseUrl: string, serviceKey: string | undefined): LogisticsPort {
  return {
    createReissueShipment: (input, ctx, options) => callPeer(baseUrl, serviceKey, '/internal/shipments/reissues', { input, ctx, options }),
  };
}
