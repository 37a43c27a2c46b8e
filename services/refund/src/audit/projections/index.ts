export * from './source-events.projection';
