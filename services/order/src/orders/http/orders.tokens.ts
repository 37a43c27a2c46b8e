/** Nest injection token of the OrderService facade. */
export const ORDER_SERVICE_TOKEN = Symbol('OrderService');
