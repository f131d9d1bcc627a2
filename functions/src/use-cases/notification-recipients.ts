import { audienceOf, type Audience } from '@fangxin/shared';
import { loadComplaint } from '../store/complaints';
import { findMerchant } from '../store/merchants';
import type { OutboxItem } from '../store/outbox';
import { listShopMembers } from '../store/registry';
import { openidsOf, staffCovering } from '../store/users';

/** One person who should hear, and whether WeChat can reach them (they signed in at least once). */
export interface Person {
  readonly userId: string;
  readonly openid?: string;
}

export interface Recipients {
  readonly audience: Audience;
  readonly people: readonly Person[];
  /** The number an SMS would go to when no WeChat message got through (read only when needed). */
  fallbackPhone(): Promise<string | undefined>;
}

/**
 * Who an outbox item reaches, resolved when it is delivered (not when written): a clerk bound after the
 * complaint was filed still hears, a removed one no longer does.
 *   consumer → that user;  merchant → every owner and clerk bound to the shop;
 *   staff_user → that person;  staff_town → every staff member whose jurisdiction covers the town.
 */
export async function resolveRecipients(item: OutboxItem): Promise<Recipients> {
  const { recipient } = item;
  const audience = audienceOf(recipient.kind);
  const none = async () => undefined;
  switch (recipient.kind) {
    case 'consumer': {
      const userId = recipient.userId ?? '';
      return {
        audience,
        people: await withOpenids([userId]),
        fallbackPhone: async () => (item.complaintId ? (await loadComplaint(item.complaintId))?.record.phone : undefined),
      };
    }
    case 'merchant': {
      const merchantId = recipient.merchantId ?? item.merchantId ?? '';
      const members = await listShopMembers(merchantId);
      return {
        audience,
        people: await withOpenids(members.map((member) => member.userId)),
        fallbackPhone: async () => (await findMerchant(merchantId))?.contactPhone,
      };
    }
    case 'staff_user':
      return { audience, people: await withOpenids([recipient.userId ?? '']), fallbackPhone: none };
    case 'staff_town': {
      const staff = await staffCovering(recipient.townCode ?? item.townCode ?? '');
      return {
        audience,
        people: staff.map((member) => ({ userId: member.userId, ...(member.openid ? { openid: member.openid } : {}) })),
        fallbackPhone: none,
      };
    }
    default:
      return { audience, people: [], fallbackPhone: none };
  }
}

async function withOpenids(userIds: readonly string[]): Promise<Person[]> {
  const known = userIds.filter(Boolean);
  const openids = await openidsOf(known);
  return known.map((userId) => {
    const openid = openids.get(userId);
    return openid ? { userId, openid } : { userId };
  });
}
