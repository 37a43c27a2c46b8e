/** Deadline arithmetic on ISO-8601 instants. Pure: "now" always arrives in a command. */
const HOUR_MS = 3_600_000;

export const addHours = (at: string, hours: number): string => new Date(Date.parse(at) + hours * HOUR_MS).toISOString();

export const addDays = (at: string, days: number): string => addHours(at, days * 24);

export const isAtOrAfter = (at: string, deadline: string): boolean => Date.parse(at) >= Date.parse(deadline);

export const isAfter = (at: string, deadline: string): boolean => Date.parse(at) > Date.parse(deadline);
