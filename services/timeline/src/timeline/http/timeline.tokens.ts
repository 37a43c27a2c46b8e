/** How the process reads timelines (from the log projection's rows or the bus-fed rows). */
export const TIMELINE_QUERIES = 'TIMELINE_QUERIES';
