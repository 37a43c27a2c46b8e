import type { Timer, TimerInstruction } from '../ports/timer-store';

/** Instructions of consecutive events, written in one transaction at the position of the last. */
export interface InstructionGroup {
  position: number;
  schedule: Timer[];
  cancel: string[];
  scheduled: Set<string>;
}

/** A cancel of a timer the group schedules must follow that schedule: it starts a new group. */
export function conflicts(group: InstructionGroup, instruction: TimerInstruction): boolean {
  return (instruction.cancel ?? []).some((timerId) => group.scheduled.has(timerId));
}

export function join(group: InstructionGroup | undefined, position: number, instruction: TimerInstruction): InstructionGroup {
  const joined = group ?? { position, schedule: [], cancel: [], scheduled: new Set<string>() };
  joined.position = position;
  for (const timer of instruction.schedule ?? []) {
    joined.schedule.push(timer);
    joined.scheduled.add(timer.timerId);
  }
  for (const timerId of instruction.cancel ?? []) joined.cancel.push(timerId);
  return joined;
}
