/**
 * The sync protocol, shared by the PWA and the server: runtime-neutral on purpose (no DOM,
 * no Node), so the server decides with exactly the code the client uses to rebase and to
 * show errors. By job:
 * - roles.ts, accounts.ts, rights.ts: roles, sign-in and session, who may push what;
 * - push.ts: the push wire format (request, mutation, results);
 * - messages.ts: the German texts of every refusal;
 * - limits.ts, check.ts: value bounds, the check of a mutation and of a whole record;
 * - merge.ts, sameValue.ts: the field-level merge and the equality it is built on;
 * - exportFormats.ts, referralStats.ts: what the coordinators' downloads and figures carry.
 * Page code imports the module it needs (the start bundle carries no zod it does not use);
 * the server and tests may import this index.
 */
export * from './accounts';
export * from './check';
export * from './exportFormats';
export * from './limits';
export * from './merge';
export * from './messages';
export * from './push';
export * from './rights';
export { canEdit, hasRole, ROLES } from './roles';
export * from './sameValue';
