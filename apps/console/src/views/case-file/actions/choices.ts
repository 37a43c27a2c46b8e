/** The fixed choices of the added actions' forms, as api.md names them. */
export const RETURN_CONDITIONS = ['intact', 'damaged', 'missing_parts'] as const;
export const ESCALATION_TARGETS = ['supervisor', 'platform'] as const;
export const CONTACT_CHANNELS = ['chat', 'phone', 'message'] as const;
export const CLOSURE_OUTCOMES = ['explained', 'unresolved', 'appealed'] as const;
