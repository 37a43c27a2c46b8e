import { Type, type Static } from '@sinclair/typebox';

const Period = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Decisions taken at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Decisions taken before' })),
};

export const VerifyBody = Type.Object(Period, { additionalProperties: false });
export type VerifyBody = Static<typeof VerifyBody>;

export const WhatIfBody = Type.Object(
  { rulebookVersion: Type.String({ minLength: 1, description: 'A published or draft rulebook version' }), ...Period },
  { additionalProperties: false },
);
export type WhatIfBody = Static<typeof WhatIfBody>;
