export * from './order.document';
export * from './orders.projection';
