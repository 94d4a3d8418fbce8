// The placeholder account that erased people's kept records (orders above all) point at; nobody can sign in as it.
export const ERASED_USER_ID = 'erased-customer';
