import { describe, expect, it } from 'vitest'
import { filenameFrom } from '../../src/reports/filename'

describe('file name from Content-Disposition', () => {
  it('reads the plain and the quoted form', () => {
    expect(filenameFrom('attachment; filename=sales-2026-11-01-2026-11-30.xlsx')).toBe('sales-2026-11-01-2026-11-30.xlsx')
    expect(filenameFrom('attachment; filename="sales 2026.csv"')).toBe('sales 2026.csv')
    expect(filenameFrom('attachment; filename="a \\"b\\".csv"')).toBe('a "b".csv')
  })

  it('prefers the UTF-8 form, as ASP.NET Core writes both', () => {
    expect(filenameFrom("attachment; filename=sales.csv; filename*=UTF-8''sales-2026-11-01-2026-11-30.csv")).toBe('sales-2026-11-01-2026-11-30.csv')
    expect(filenameFrom("attachment; filename*=UTF-8''%E9%94%80%E5%94%AE.csv")).toBe('销售.csv')
  })

  it('falls back to the plain form when the UTF-8 form is broken', () => {
    expect(filenameFrom("attachment; filename*=UTF-8''%E9%94.csv; filename=plain.csv")).toBe('plain.csv')
  })

  it('answers null when there is no name, so the caller names the file', () => {
    expect(filenameFrom(null)).toBeNull()
    expect(filenameFrom('')).toBeNull()
    expect(filenameFrom('attachment')).toBeNull()
    expect(filenameFrom('inline; filename=""')).toBeNull()
  })

  it('never lets the server choose a folder', () => {
    expect(filenameFrom('attachment; filename="../../etc/report.csv"')).toBe('report.csv')
    expect(filenameFrom('attachment; filename=".."')).toBeNull()
  })
})
