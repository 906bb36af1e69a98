import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { modifyReturning } from '../../database/sql';
import { ForumEdition } from './entities/forum-edition.entity';
import type { EditionStatus } from '../shared/forum.constants';

/** The editions' SQL. */
@Injectable()
export class EditionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createEdition(values: Partial<ForumEdition>): Promise<ForumEdition> {
    return this.dataSource.getRepository(ForumEdition).save(values);
  }

  findEdition(id: string): Promise<ForumEdition | null> {
    return this.dataSource.getRepository(ForumEdition).findOne({ where: { id } });
  }

  /** The coming edition: the earliest that is not closed (the home page's). */
  findNextEdition(): Promise<ForumEdition | null> {
    return this.dataSource
      .getRepository(ForumEdition)
      .createQueryBuilder('edition')
      .where(`edition.status <> 'closed'`)
      .orderBy('edition.year', 'ASC')
      .limit(1)
      .getOne();
  }

  listEditions(): Promise<ForumEdition[]> {
    return this.dataSource.getRepository(ForumEdition).find({ order: { year: 'DESC' } });
  }

  /** Moves the edition one step, from the status it was seen in; false when it had moved meanwhile. */
  async advanceEdition(id: string, from: EditionStatus, to: EditionStatus): Promise<boolean> {
    return (
      (
        await modifyReturning(
          this.dataSource.manager,
          `UPDATE forum_editions SET status = $3 WHERE id = $1 AND status = $2 RETURNING id`,
          [id, from, to],
        )
      ).length > 0
    );
  }
}
