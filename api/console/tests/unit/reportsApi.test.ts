import { describe, expect, it } from 'vitest'
import { fallbackFilename, reportPath, segmentMembersPath, type ReportQuery } from '../../src/api/reports'
import { ALL_STORES, storeChoices, storeParam } from '../../src/reports/stores'

const query: ReportQuery = { from: '2026-11-01', to: '2026-11-30', by: 'week', storeId: 's001' }

describe('report queries', () => {
  it('sends each report only its own parameters', () => {
    expect(reportPath('sales', query)).toBe('/reports/sales?from=2026-11-01&to=2026-11-30&by=week&storeId=s001')
    expect(reportPath('members', query)).toBe('/reports/members?from=2026-11-01&to=2026-11-30&by=week&storeId=s001')
    expect(reportPath('categories', query)).toBe('/reports/categories?from=2026-11-01&to=2026-11-30&storeId=s001')
    expect(reportPath('segments', query)).toBe('/reports/segments?storeId=s001')
  })

  it('leaves storeId out for every store the caller may read', () => {
    expect(reportPath('sales', { ...query, storeId: null })).toBe('/reports/sales?from=2026-11-01&to=2026-11-30&by=week')
    expect(reportPath('segments', { ...query, storeId: null })).toBe('/reports/segments')
  })

  it('asks for a file with the same query and format=csv or xlsx', () => {
    expect(reportPath('sales', query, 'csv')).toBe('/reports/sales?from=2026-11-01&to=2026-11-30&by=week&storeId=s001&format=csv')
    expect(reportPath('segments', { ...query, storeId: null }, 'xlsx')).toBe('/reports/segments?format=xlsx')
  })

  it('pages a segment by member id, and exports it whole', () => {
    expect(segmentMembersPath('at_risk', 's001', { after: 'M0042', limit: 50 })).toBe('/reports/segments/at_risk/members?storeId=s001&after=M0042&limit=50')
    expect(segmentMembersPath('at_risk', null, { limit: 50 })).toBe('/reports/segments/at_risk/members?limit=50')
    expect(segmentMembersPath('at_risk', 's001', { after: 'M0042', limit: 50 }, 'csv')).toBe('/reports/segments/at_risk/members?storeId=s001&format=csv')
  })

  it('names a file as the api would when it gives no name', () => {
    expect(fallbackFilename('sales', query, 'xlsx')).toBe('sales-2026-11-01-2026-11-30.xlsx')
    expect(fallbackFilename('segments', query, 'csv')).toBe('segments.csv')
  })
})

describe('report store choice', () => {
  it('offers a manager their own stores, head office every store it knows', () => {
    expect(storeChoices(['manager'], ['s002', 's001'], ['s009'])).toEqual(['s002', 's001'])
    expect(storeChoices(['admin'], [], ['s002', 's001', 's002'])).toEqual(['s001', 's002'])
  })

  it('sends no storeId for all stores, and never one a manager may not read', () => {
    expect(storeParam(ALL_STORES, ['admin'], [])).toBeNull()
    expect(storeParam('', ['admin'], [])).toBeNull()
    expect(storeParam(' s777 ', ['admin'], [])).toBe('s777')
    expect(storeParam('s001', ['manager'], ['s001'])).toBe('s001')
    expect(storeParam('s002', ['manager'], ['s001'])).toBeNull()
  })
})
