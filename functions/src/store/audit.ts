import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { AuditEntity } from './support.entities';

/**
 * Records that a staff member took an export holding people's personal data (full phone numbers, the
 * complaints' words): which one, when, in which role, how many rows. Written once the file is made.
 */
export async function recordExport(staff: { userId: string; role: string }, exportName: string, rows: number, at: string): Promise<void> {
  await AuditEntity.build(PutItemCommand)
    .item({
      staffUserId: staff.userId,
      entry: `${at}#export#${exportName}`,
      action: `export_${exportName}`,
      role: staff.role,
      subjectType: 'export',
      subjectId: exportName,
      detail: `${rows} 行`,
      at,
    })
    .send();
}
