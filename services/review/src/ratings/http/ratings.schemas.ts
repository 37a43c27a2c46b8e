import { Type } from '@sinclair/typebox';
import { Id } from '@aftersales/contracts';

const Count = (description: string) => Type.Integer({ minimum: 0, description });
const RateOrNull = (description: string) => Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description });

export const ShopRatingViewSchema = Type.Object(
  {
    shopId: Id('The shop'),
    positive: Count('Counted positive reviews (好评)'),
    neutral: Count('Counted neutral reviews (中评)'),
    negative: Count('Counted negative reviews (差评)'),
    score: Type.Integer({ description: 'positive − negative: 好评 +1, 中评 0, 差评 −1 over counted reviews' }),
    positiveRate: RateOrNull('positive / counted reviews (4 decimals); null without counted reviews'),
    followUps: Type.Object({
      opened: Count('Bad-review follow-ups opened'),
      contactedInTime: Count('Follow-ups whose first contact came by its deadline'),
      revisedUpward: Count('Follow-ups closed because the buyer revised the review upwards'),
      revisionRate: RateOrNull('revisedUpward / opened (4 decimals); null without follow-ups'),
      medianMinutesToContact: Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
        description: 'Median whole minutes from opening to first contact over contacted follow-ups; null when none was contacted',
      }),
    }),
  },
  { description: "A shop's rating over counted reviews (published: held, rejected and hidden reviews do not count) and its bad-review follow-up figures" },
);
