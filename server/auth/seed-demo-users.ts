// The demo accounts of a demo install (all with the password `demo`), created when missing on every start.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createUser, type NewUser } from './user-repository.ts';

const DEMO_PASSWORD = 'demo';

const DEMO_USERS: ReadonlyArray<Omit<NewUser, 'password'>> = [
  { email: 'customer@demo.local', name: 'Carmen Customer', role: 'customer', languages: ['es', 'en'], skills: [] },
  { email: 'tech@demo.local', name: 'Tomás Technician', role: 'technician', languages: ['en', 'es'], skills: [] },
  { email: 'agent@demo.local', name: 'Alex Agent', role: 'agent', languages: ['en', 'es'], skills: ['automotive', 'coffee', 'heating'] },
  { email: 'agent.es@demo.local', name: 'Ana Agente', role: 'agent', languages: ['es'], skills: ['automotive', 'coffee', 'heating'] },
  { email: 'admin@demo.local', name: 'Ada Admin', role: 'admin', languages: ['en', 'es'], skills: [] },
  { email: 'author@demo.local', name: 'Aurora Author', role: 'author', languages: ['es', 'en'], skills: [] },
  { email: 'operator@demo.local', name: 'Olga Operator', role: 'operator', languages: ['en', 'es'], skills: [] },
];

export async function seedDemoUsers(db: Kysely<Database>): Promise<void> {
  for (const user of DEMO_USERS) {
    const exists = await db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
    if (!exists) await createUser(db, { ...user, password: DEMO_PASSWORD });
  }
}
