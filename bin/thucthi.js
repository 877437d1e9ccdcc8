#!/usr/bin/env node
// Launcher for `npx thucthi …`: registers tsx in this process (so signals reach the app directly)
// and runs the TypeScript CLI without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
