/** The read models the timeline is read from (those of the process that runs the timeline). */
export const TIMELINE_READ_MODELS = 'TIMELINE_READ_MODELS';
