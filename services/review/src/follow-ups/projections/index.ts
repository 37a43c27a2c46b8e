export * from './follow-up.document';
export * from './follow-up.view';
export * from './follow-ups.projection';
