export * from './arithmetic';
export * from './calculation';
export * from './calculate';
export * from './goods-lines';
