import { DataSource } from 'typeorm';
import { User } from '../users/entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { PASSWORD_MESSAGES, passwordProblem } from './password-policy';

/**
 * The first admin comes from the command line (`npm run admin:create`), never from a default
 * account. An existing user is promoted (their password stays unless a new one is given).
 */
export async function createOrPromoteAdmin(
  dataSource: DataSource,
  input: { email: string; password?: string; displayName?: string },
): Promise<{ id: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error(`"${input.email}" is not an e-mail address`);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, [email.split('@')[0]]);
    if (problem) throw new Error(PASSWORD_MESSAGES[problem]);
  }
  const users = dataSource.getRepository(User);
  const existing = await users.findOne({ where: { email } });
  const passwordHash = input.password !== undefined ? await new PasswordHasher().hash(input.password) : undefined;
  if (existing && !existing.deletedAt) {
    await users.update(
      { id: existing.id },
      {
        role: 'admin',
        emailVerifiedAt: existing.emailVerifiedAt ?? new Date(),
        ...(passwordHash && { passwordHash, passwordChangedAt: new Date() }),
      },
    );
    return { id: existing.id, created: false };
  }
  if (!passwordHash) throw new Error('there is no account with this e-mail address: give --password to create one');
  const created = await users.save(
    users.create({
      email,
      passwordHash,
      displayName: input.displayName ?? 'Administrator',
      locale: 'pl',
      role: 'admin',
      emailVerifiedAt: new Date(),
    }),
  );
  return { id: created.id, created: true };
}
