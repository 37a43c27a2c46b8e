export * from './payouts.projection';
