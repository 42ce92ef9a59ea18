export { getDb } from './database';
export * from './schema';
export * from './collection';
export * from './status';
