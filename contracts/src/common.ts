import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';

/** Money is an integer amount in minor units (fen for CNY). */
export const Money = (description = 'Amount in minor units (fen for CNY)') => Type.Integer({ minimum: 0, description });
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', default: 'CNY', description: 'ISO 4217 code' });
export const Timestamp = (description?: string) => Type.String({ format: 'date-time', description });
export const Id = (description?: string) => Type.String({ minLength: 1, maxLength: 128, description });

/** Free text written by a person (a reason, a note, a review). */
export const Text = (description: string, maxLength = 2000) => Type.String({ minLength: 1, maxLength, description });

/** A closed vocabulary: one of the given string values. */
export const OneOf = <T extends string>(values: readonly T[], description: string): TUnion<TLiteral<T>[]> =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  );

/** The rulebook version whose parameters a decision used (see contracts/rulebooks). */
export const RulebookVersion = (description = 'Version of the rulebook whose parameters this decision used') =>
  Type.String({ minLength: 1, description });

/** Reference to a rulebook version whose parameters a decision used. */
export const RuleRef = Type.Object(
  {
    rulebookVersion: RulebookVersion(),
    ruleId: Type.String({ minLength: 1, description: 'Id of the rule inside the rulebook, e.g. compensation.late_shipment' }),
  },
  { additionalProperties: false, description: 'The rule applied and the rulebook version it was read from' },
);
export type RuleRef = Static<typeof RuleRef>;

export const EvidenceKinds = ['photo', 'video', 'chat_log', 'tracking', 'invoice', 'document', 'other'] as const;
export type EvidenceKind = (typeof EvidenceKinds)[number];

/** A piece of evidence a party attached: the file itself lives elsewhere, the event keeps a reference. */
export const Evidence = Type.Object(
  {
    kind: OneOf(EvidenceKinds, 'What sort of evidence this is'),
    ref: Type.String({ minLength: 1, maxLength: 2048, description: 'Where the evidence is stored (file id or URL)' }),
    description: Type.Optional(Text("What the evidence shows, in the submitter's words", 500)),
  },
  { additionalProperties: false, description: 'One piece of evidence' },
);
export type Evidence = Static<typeof Evidence>;
