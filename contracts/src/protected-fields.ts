import { OptionalKind, Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { defineEvent, type EventDefinition } from './define-event';

/**
 * Buyer personal data in events (name, phone, address, text the buyer typed) is stored and published sealed under the
 * buyer's data key (crypto-shredding): at rest and on the bus each listed field holds a ProtectedEnvelope instead of
 * its value. The platform opens it where events are read (the log's readers, its bus consumers) into the value, or into
 * ERASED once the buyer's key was shredded. The event types with such fields have a version whose schema accepts the
 * value or its envelope in each (`sealedVersionOf`); the earlier version's events hold the value and stay readable.
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
  // Text typed on a case is sealed under the case's buyer, the shop's words too: the conversation is about the buyer.
  DisputeOpened: ['description', 'evidence[].description'],
  DisputeMessagePosted: ['text'],
  DisputeEscalated: ['reason'],
  DisputeAppealed: ['reason', 'evidence[].description'],
  DisputeRemedyDeclined: ['reason'],
  DisputeEvidenceSubmitted: ['note', 'evidence[].description'],
  // What the buyer writes about an order (review, follow-up review, revision): sealed under the review's buyer.
  ReviewPosted: ['text'],
  FollowUpReviewPosted: ['text'],
  ReviewRevised: ['text'],
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

/**
 * What an erased value of that schema reads as: ERASED for every text, the same shape for objects. A sealable field
 * (the value or its envelope) erases as its value would.
 */
export function erasedValueOf(schema: unknown): unknown {
  const node = schema as SchemaNode | undefined;
  if (node?.anyOf && node.anyOf.length > 0) return erasedValueOf(node.anyOf[0]);
  if (node?.type === 'object' && node.properties) {
    return Object.fromEntries(Object.entries(node.properties).map(([name, property]) => [name, erasedValueOf(property)]));
  }
  return ERASED;
}

const SEALED_NOTE =
  " Since this version the buyer's personal data fields may hold a ProtectedEnvelope (sealed under the buyer's key) " +
  'instead of the value; the platform\'s readers get the value, or "[erased]" once the buyer was erased.';

/** The value as written, or its envelope as stored and published. */
function sealable(schema: TSchema): TSchema {
  const { [OptionalKind]: optional, ...value } = schema as TSchema & { [OptionalKind]?: string };
  const either = Type.Union([value as TSchema, ProtectedEnvelopeSchema], {
    description: `${schema.description ?? 'The value'}; sealed: a ProtectedEnvelope`,
  });
  return optional ? Type.Optional(either) : either;
}

/** A copy of an object schema with the property at `path` (`a` or `a[].b`) replaced. */
function replaceAt(schema: TObject, path: string, replace: (property: TSchema) => TSchema): TObject {
  const [head, ...rest] = path.split('.');
  const name = head.endsWith('[]') ? head.slice(0, -2) : head;
  const property = schema.properties[name];
  if (!property) throw new Error(`no field ${name} to seal`);
  let replaced: TSchema;
  if (rest.length === 0) replaced = replace(property);
  else if (head.endsWith('[]')) replaced = { ...property, items: replaceAt(property.items as TObject, rest.join('.'), replace) };
  else replaced = replaceAt(property as TObject, rest.join('.'), replace);
  return { ...schema, properties: { ...schema.properties, [name]: replaced } };
}

/** The next version of an event type: the same schema, with the protected fields accepting their sealed form too. */
export function sealedVersionOf<TType extends string>(
  definition: EventDefinition<TType>,
  paths: readonly string[],
): EventDefinition<TType> {
  return withSealableFields({ ...definition, version: definition.version + 1 }, paths);
}

/**
 * A new version designed sealable from the start: the definition as given, with the protected fields accepting their
 * sealed form too (no intermediate unsealed version to publish).
 */
export function withSealableFields<TType extends string>(
  definition: EventDefinition<TType>,
  paths: readonly string[],
): EventDefinition<TType> {
  let schema: TObject = definition.schema;
  for (const path of paths) schema = replaceAt(schema, path, sealable);
  return defineEvent({
    type: definition.type,
    version: definition.version,
    service: definition.service,
    description: definition.description + SEALED_NOTE,
    schema,
    example: definition.example,
  });
}
