/** `npm run admin:create -- --email E [--password P] [--name N]`: creates the first admin, or promotes an existing user. */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createOrPromoteAdmin } from '../src/auth/admin-accounts';
import { fail, withDatabase } from './with-database';

const { values } = parseArgs({
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
});
if (!values.email)
  fail('usage: npm run admin:create -- --email admin@example.org --password "a long passphrase" [--name "Anna Nowak"]');

withDatabase((dataSource) =>
  createOrPromoteAdmin(dataSource, { email: values.email!, password: values.password, displayName: values.name }),
).then(
  ({ created }) => console.log(created ? `Created the admin ${values.email}.` : `${values.email} is now an admin.`),
  fail,
);
