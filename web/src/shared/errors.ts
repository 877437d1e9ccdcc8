/**
 * The server's stable error codes, shared as a type: a code the web tests for that the server does not
 * have fails to compile.
 */
export type { ErrorCode } from '../../../src/errors.ts';
