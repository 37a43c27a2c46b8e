export * from './order.document';
export * from './orders.projection';
export * from './order-notes.projection';
export * from './shop-restrictions.projection';
