export * from './flash-sale.js';
export * from './purchase.js';
export * from './order-status.js';
export * from './store.js';
export * from './analytics.js';
export * from './draw/index.js';
export * from './showcase/index.js';
export * from './store/index.js';
