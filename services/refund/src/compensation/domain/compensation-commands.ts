import type { ActorRole, CompensationDecided } from '@aftersales/contracts';

/** A decision computed by a calculator (pure, from facts and the rulebook) is recorded as it is. */
export interface DecideCompensation {
  type: 'DecideCompensation';
  decision: CompensationDecided;
  /**
   * When the stream already holds a decision (one per order and kind): `ignore` for the automatic decision a repeated
   * fact asks for again (changes nothing), `refuse` for an agent's proposal (409 naming the decision taken). Default
   * `ignore`.
   */
  whenDecided?: 'ignore' | 'refuse';
}

export interface ApproveCompensation {
  type: 'ApproveCompensation';
  compensationId: string;
  approverId: string;
  approverRole: ActorRole;
  note?: string;
  at: string;
}

export interface RejectCompensation {
  type: 'RejectCompensation';
  compensationId: string;
  approverId: string;
  approverRole: ActorRole;
  reason: string;
  at: string;
}

export interface RecordCompensationPaidOut {
  type: 'RecordCompensationPaidOut';
  payoutId: string;
  amount: number;
  paidAt: string;
}

export type CompensationCommand = DecideCompensation | ApproveCompensation | RejectCompensation | RecordCompensationPaidOut;
