import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { User } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.findOne(User, { where: { id, deletedAt: IsNull() } });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOne({ where: { email: email.toLowerCase(), deletedAt: IsNull() } });
  }

  /** Inserts the user; null when the address is taken (the unique index decides, even under concurrency). */
  async insert(
    user: Pick<User, 'email' | 'passwordHash' | 'displayName' | 'locale'> &
      Partial<Pick<User, 'role' | 'emailVerifiedAt'>>,
  ): Promise<User | null> {
    const rows: User[] = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(User)
      .values(user)
      .orIgnore()
      .returning('*')
      .execute()
      .then((result) => result.generatedMaps as User[]);
    return rows.length && rows[0].id ? this.findById(rows[0].id) : null;
  }

  async update(id: string, changes: Partial<User>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(User, { id }, changes);
  }

  /** Personal fields erased; the row stays so that public contributions keep their author ("deleted user"). */
  async erase(id: string, manager: EntityManager): Promise<void> {
    await manager.update(
      User,
      { id },
      { email: null, passwordHash: null, displayName: null, deletedAt: new Date(), role: 'member' },
    );
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
