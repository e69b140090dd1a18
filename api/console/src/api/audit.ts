import { get } from './http'

/** One entry of the audit log (GET /api/v1/audit, head office only). Ids only: no personal data. */
export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  resource: string
  storeId?: string | null
  detail?: unknown
}

export interface AuditPage { entries: AuditEntry[]; nextCursor: string | null }

export interface AuditFilters { resource?: string; actor?: string; action?: string }

/** Every action the api records (api/OrleansLoyalty.Api/Audit/AuditActions.cs), for the filter. */
export const AUDIT_ACTIONS = [
  'auth.signed_in', 'auth.sign_in_failed', 'staff.created', 'staff.updated', 'staff.disabled', 'staff.enabled', 'staff.password_reset',
  'staff.password_changed', 'device.credentials_issued', 'device.revoked', 'member.signed_out_everywhere',
  'member.phone_changed', 'member.wechat_bound', 'member.wechat_unbound',
  'member.registered', 'member.looked_up', 'member.viewed', 'member.updated', 'member.ledger_viewed', 'member.coupons_viewed',
  'member.cards_viewed', 'member.points_exchanged', 'member.signed_in', 'member.sign_in_failed', 'member.password_set', 'member.erased',
  'card.bound', 'card.reported_lost', 'card.reported_found', 'card.replaced', 'card.refunded',
  'store.saved', 'catalog.uploaded', 'programme.changed', 'campaign.created', 'campaign.paused', 'campaign.resumed',
  'coupon_template.created', 'coupon_template.issued', 'checkout.voided', 'report.read', 'report.analysis_run',
  'member.analysis_viewed',
] as const

/** The query for a page: only the filters given (trimmed), the cursor of the previous page, the page size. */
export function auditPath(filters: AuditFilters, cursor?: string | null, limit = 50): string {
  const query = new URLSearchParams()
  for (const key of ['resource', 'actor', 'action'] as const) {
    const value = filters[key]?.trim()
    if (value) query.set(key, value)
  }
  if (cursor) query.set('cursor', cursor)
  query.set('limit', String(limit))
  return `/audit?${query}`
}

export const getAudit = (filters: AuditFilters, cursor?: string | null) => get<AuditPage>(auditPath(filters, cursor))
