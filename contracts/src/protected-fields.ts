import { Type, type Static } from '@sinclair/typebox';

/**
 * Buyer personal data in events (name, phone, address, text the buyer typed) is stored and published sealed under the
 * buyer's data key (crypto-shredding): at rest and on the bus each listed field holds a ProtectedEnvelope instead of
 * its value. Readers never see the envelope: the platform opens it where events are read (the log's readers, the bus
 * consumers) into the value, or into ERASED once the buyer's key was shredded. The schemas of the event types describe
 * the opened form, the one every reader gets; this list says which fields travel sealed.
 */
export const PROTECTED_ENVELOPE_VERSION = 'v1';

export const ProtectedEnvelopeSchema = Type.Object(
  {
    enc: Type.Literal(PROTECTED_ENVELOPE_VERSION, { description: 'Envelope format: AES-256-GCM of the JSON of the value' }),
    keyId: Type.String({ minLength: 1, description: 'Id of the data key (one buyer) that sealed it' }),
    iv: Type.String({ description: '12-byte nonce, base64' }),
    data: Type.String({ description: 'Cipher text, base64' }),
    tag: Type.String({ description: '16-byte authentication tag, base64' }),
  },
  { additionalProperties: false, description: 'A field sealed under a data key' },
);
export type ProtectedEnvelope = Static<typeof ProtectedEnvelopeSchema>;

/** What a reader gets in place of every text of a sealed field whose key was shredded. */
export const ERASED = '[erased]';

/**
 * Sealed fields per event type, as paths into the data: `a` a field, `a[].b` field b of every element of array a.
 * Whose key seals them: the event's `buyerId`, else the buyer of the stream (the `buyerId` of its first event).
 */
export const PROTECTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  OrderPlaced: ['address'],
  ShippingAddressChanged: ['previousAddress', 'address'],
  ShippingAddressLocked: ['address'],
  OrderClosed: ['cancellationReason'],
  RefundRequested: ['description', 'evidence[].description'],
  RefundCancelled: ['reason'],
  RefundEscalated: ['description', 'evidence[].description'],
};

export const protectedFieldsOf = (type: string): readonly string[] | undefined => PROTECTED_FIELDS[type];

type SchemaNode = { type?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode; anyOf?: SchemaNode[] };

/** The schema a path `a` / `a[].b` leads to in an event schema; undefined when the path names no field. */
export function schemaAtPath(schema: unknown, path: string): unknown {
  let current = schema as SchemaNode | undefined;
  for (const step of path.split('.')) {
    const many = step.endsWith('[]');
    current = current?.properties?.[many ? step.slice(0, -2) : step];
    if (many) current = current?.items;
  }
  return current;
}

/** What an erased value of that schema reads as: ERASED for every text, the same shape for objects. */
export function erasedValueOf(schema: unknown): unknown {
  const node = schema as SchemaNode | undefined;
  if (node?.type === 'object' && node.properties) {
    return Object.fromEntries(Object.entries(node.properties).map(([name, property]) => [name, erasedValueOf(property)]));
  }
  return ERASED;
}
