// "My data" for the signed-in person: the export of everything held about them, and erasing their account once they
// confirm with their e-mail address and password (persisted before it is acknowledged).
import type { EraseAccountRequest, PersonalDataExport } from '../../core/account.ts';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import { authenticate } from '../auth/user-repository.ts';
import type { Store } from '../db/database.ts';
import { erasePersonalData, type Erased } from './personal-data-erase.ts';
import { exportPersonalData } from './personal-data-export.ts';

export interface AccountService {
  exportData(user: User): Promise<PersonalDataExport>;
  /** Resolves once the erase is committed; the caller then ends the sign-ins it names. */
  erase(request: EraseAccountRequest, user: User): Promise<Erased>;
}

export function createAccountService(store: Store, now: () => number): AccountService {
  return {
    async exportData(user) {
      const data = await exportPersonalData(store.db, user.id, now());
      if (!data) throw new AppError('unauthorized', 'This account no longer exists.');
      return data;
    },
    async erase({ confirmEmail, password }, user) {
      if (confirmEmail !== user.email.toLowerCase()) {
        throw new AppError('bad_request', 'Type the e-mail address of this account exactly to confirm.', [{ path: 'confirmEmail', message: 'is not the e-mail address of this account' }], { reason: 'account.email-mismatch' });
      }
      if (!(await authenticate(store.db, user.email, password))) {
        throw new AppError('forbidden', 'That is not the password of this account.', [{ path: 'password', message: 'is not the password of this account' }], { reason: 'account.wrong-password' });
      }
      return store.write((trx) => erasePersonalData(trx, { id: user.id, email: user.email.toLowerCase() }, now()));
    },
  };
}
