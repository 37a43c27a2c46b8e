import type { EventEnvelope } from '@aftersales/contracts';
import { disputeRuled } from '../testing/violation-sources';
import { reversalOfAppealRuling, violationOfRuling } from './violation-sources.policy';

const envelope = (event: ReturnType<typeof disputeRuled>): EventEnvelope => event as unknown as EventEnvelope;
const appeal = (violation: Parameters<typeof disputeRuled>[1], overrides: Record<string, unknown> = {}, ruledAt = '2026-11-20T08:00:00.000Z') =>
  envelope(disputeRuled(4, violation, ruledAt, { rulingId: 'rul_4_appeal', onAppeal: true, ...overrides }));

describe('an appeal ruling reverses the first ruling’s finding', () => {
  it('given a ruling on appeal in favour of the merchant, then the case’s findings are reversed in the year of the appeal and the year before, based on the appeal ruling', () => {
    const ruling = appeal('not_as_described', { outcome: 'merchant_wins' });
    expect(reversalOfAppealRuling(ruling)).toEqual([2026, 2025].map((year) => ({
      shopId: 'shop-1',
      year,
      orderId: 'ord-4',
      disputeId: 'dsp_4',
      rulingId: 'rul_4_appeal',
      basedOn: [ruling.eventId],
    })));
    expect(violationOfRuling(ruling)).toBeUndefined();
  });

  it('given a ruling on appeal still against the shop, then what it still finds is named (its assessment stands, another is reversed)', () => {
    expect(reversalOfAppealRuling(appeal('invoice_refusal'))[0]).toMatchObject({ stillFound: 'invoice_refusal' });
    expect(reversalOfAppealRuling(appeal(undefined))[0]).not.toHaveProperty('stillFound');
  });

  it('given a first ruling or another event, then nothing is reversed', () => {
    expect(reversalOfAppealRuling(envelope(disputeRuled(4, 'not_as_described', '2026-11-20T08:00:00.000Z')))).toEqual([]);
    expect(reversalOfAppealRuling({ ...appeal(undefined), type: 'DisputeAppealed' })).toEqual([]);
  });
});
