/** Deadline arithmetic on ISO-8601 instants. Pure: "now" always arrives in a command. */
const DAY_MS = 86_400_000;

export const addDays = (at: string, days: number): string => new Date(Date.parse(at) + days * DAY_MS).toISOString();

export const addHours = (at: string, hours: number): string => new Date(Date.parse(at) + (hours * DAY_MS) / 24).toISOString();

export const isAtOrAfter = (at: string, deadline: string): boolean => Date.parse(at) >= Date.parse(deadline);

export const isAfter = (at: string, deadline: string): boolean => Date.parse(at) > Date.parse(deadline);
