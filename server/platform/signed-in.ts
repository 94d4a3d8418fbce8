// The signed-in user an action needs, or the error that asks the person to sign in.
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';

export function requireUser(user: User | null): User {
  if (!user) throw new AppError('unauthorized', 'Please sign in to do this.');
  return user;
}
