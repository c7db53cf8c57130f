import { createStore } from '../db/store';
import { useStore } from '../db/useStore';
import type { Account, AccountState } from './session';

const anonymous = createStore<AccountState>({ status: 'anonymous', user: null });

/** The account state for screens; anonymous when the app runs without accounts (tests). */
export function useAccount(account: Account | null | undefined): AccountState {
  return useStore(account ?? anonymous);
}
