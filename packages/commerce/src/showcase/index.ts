export * from './quests.js';
export * from './store.js';
