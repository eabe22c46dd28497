#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx snowstage …` works straight from the repo.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
