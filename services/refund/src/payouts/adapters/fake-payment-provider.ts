import { existsSync, readFileSync } from 'node:fs';
import { PaymentProviderError, PaymentTimeoutError, type PaymentConfirmation, type PaymentInstruction, type PaymentProvider } from '../application/payment-provider';
import { DurableJournal } from './durable-journal';

/** A payment the fake provider made. */
export interface FakePayment extends PaymentInstruction {
  providerRef: string;
  paidAt: string;
}

/** Faults to inject, each for the next N calls; applied in this order: reject, fail, then (after paying) timeOut, hang. */
export interface FakeProviderFaults {
  /** Refuse for good without paying (account closed): not retryable. */
  reject: number;
  /** Refuse without paying (provider unavailable): retryable. */
  fail: number;
  /** Pay, then lose the answer: the call throws a timeout after `timeoutDelayMs`. */
  timeOut: number;
  /** Pay, then never answer (until releaseHungCalls): the caller's own timeout must give up. */
  hang: number;
}

export interface FakePaymentProviderOptions {
  /** JSON-lines file the payments are appended to (fsync'd), so they survive a restart of the process. */
  file?: string;
  timeoutDelayMs?: number;
  now?: () => Date;
}

/**
 * The embedded payment provider for development and tests. Deduplicates by idempotency key like a real provider
 * (the same key returns the first payment; the same key with another amount, currency or payee is refused), records
 * every payment (durably when given a file), and can be told to fail, time out or hang.
 */
export class FakePaymentProvider implements PaymentProvider {
  private readonly byKey = new Map<string, FakePayment>();
  private readonly faults: FakeProviderFaults = { reject: 0, fail: 0, timeOut: 0, hang: 0 };
  private readonly hung: Array<() => void> = [];
  /** Payments whose line is not on disk yet: a call for one answers only once it is. */
  private readonly notYetDurable = new Map<string, Promise<void>>();
  private readonly journal: DurableJournal | undefined;
  private callCount = 0;

  constructor(private readonly options: FakePaymentProviderOptions = {}) {
    this.journal = options.file ? new DurableJournal(options.file) : undefined;
    if (options.file && existsSync(options.file)) {
      for (const line of readFileSync(options.file, 'utf8').split('\n')) {
        const payment = parseLine(line);
        if (payment) this.byKey.set(payment.idempotencyKey, payment);
      }
    }
  }

  async pay(instruction: PaymentInstruction): Promise<PaymentConfirmation> {
    this.callCount++;
    if (this.take('reject')) throw new PaymentProviderError('account_closed', `The payee ${instruction.to} cannot receive payments`, false, 'not_paid');
    if (this.take('fail')) throw new PaymentProviderError('provider_unavailable', 'The payment provider is unavailable (injected fault)', true, 'not_paid');
    const payment = this.record(instruction);
    await this.notYetDurable.get(payment.idempotencyKey);
    if (this.take('timeOut')) {
      const ms = this.options.timeoutDelayMs ?? 0;
      await new Promise((resolve) => setTimeout(resolve, ms));
      throw new PaymentTimeoutError(ms);
    }
    if (this.take('hang')) await new Promise<void>((resolve) => this.hung.push(resolve));
    return { providerRef: payment.providerRef };
  }

  /** Injects faults for the next calls (added to those still pending). */
  inject(faults: Partial<FakeProviderFaults>): FakeProviderFaults {
    for (const key of Object.keys(this.faults) as (keyof FakeProviderFaults)[]) this.faults[key] += Math.max(0, faults[key] ?? 0);
    return this.pendingFaults();
  }

  clearFaults(): void {
    for (const key of Object.keys(this.faults) as (keyof FakeProviderFaults)[]) this.faults[key] = 0;
  }

  pendingFaults(): FakeProviderFaults {
    return { ...this.faults };
  }

  /** Lets calls stuck in a `hang` fault finish (they answer with their payment). */
  releaseHungCalls(): void {
    this.hung.splice(0).forEach((release) => release());
  }

  /** Every payment made, in order. */
  payments(): FakePayment[] {
    return [...this.byKey.values()];
  }

  /** How many times pay() was called, deduplicated calls and faults included. */
  calls(): number {
    return this.callCount;
  }

  private record(instruction: PaymentInstruction): FakePayment {
    const existing = this.byKey.get(instruction.idempotencyKey);
    if (existing) {
      if (existing.amount !== instruction.amount || existing.currency !== instruction.currency || existing.to !== instruction.to) {
        throw new PaymentProviderError('idempotency_key_mismatch', `Key ${instruction.idempotencyKey} was used for another payment`, false, 'not_paid');
      }
      return existing;
    }
    const payment: FakePayment = {
      ...instruction,
      providerRef: `fake-${String(this.byKey.size + 1).padStart(6, '0')}`,
      paidAt: (this.options.now?.() ?? new Date()).toISOString(),
    };
    this.byKey.set(payment.idempotencyKey, payment);
    if (this.journal) this.writeDurably(this.journal, payment);
    return payment;
  }

  /** A payment whose line could not be written was never confirmed: it is forgotten, and the caller's retry pays anew. */
  private writeDurably(journal: DurableJournal, payment: FakePayment): void {
    const key = payment.idempotencyKey;
    const written = journal.append(`${JSON.stringify(payment)}\n`).then(
      () => void this.notYetDurable.delete(key),
      (error: unknown) => {
        this.notYetDurable.delete(key);
        this.byKey.delete(key);
        throw new PaymentProviderError('provider_unavailable', `The payment could not be recorded: ${String(error)}`, true, 'unknown');
      },
    );
    written.catch(() => undefined); // the payer awaits it; this only keeps a failure from counting as unhandled
    this.notYetDurable.set(key, written);
  }

  private take(fault: keyof FakeProviderFaults): boolean {
    if (this.faults[fault] <= 0) return false;
    this.faults[fault]--;
    return true;
  }
}

/** A torn last line (crash mid-write) is ignored: that payment was never confirmed to anyone. */
function parseLine(line: string): FakePayment | undefined {
  if (!line.trim()) return undefined;
  try {
    return JSON.parse(line) as FakePayment;
  } catch {
    return undefined;
  }
}
