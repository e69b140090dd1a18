// The RFM segments of docs/reports.md, in the order the api lists them: best first, the newcomers after
// the promising, then those who never bought.

export const SEGMENTS = ['champions', 'loyal', 'promising', 'new', 'needs_attention', 'at_risk', 'hibernating', 'prospect', 'lost'] as const
export type Segment = (typeof SEGMENTS)[number]

export const CHURN_RISKS = ['low', 'medium', 'high'] as const
export type ChurnRisk = (typeof CHURN_RISKS)[number]

export const SEGMENT_COLORS: Record<Segment, string> = {
  new: '#14b8a6',
  champions: '#e4393c',
  loyal: '#f59e0b',
  promising: '#10b981',
  needs_attention: '#3b82f6',
  at_risk: '#ea580c',
  hibernating: '#8b5cf6',
  prospect: '#94a3b8',
  lost: '#64748b',
}

export const CHURN_COLORS: Record<ChurnRisk, string> = { low: '#16a34a', medium: '#f59e0b', high: '#dc2626' }

export interface SegmentFigures { segment: string; members: number; spend12m: number; averageSpend: number }

/**
 * Every known segment in that order, with zeros for those the api left out (so the chart keeps
 * its shape from run to run), then any segment this console does not know yet, as the api sent it.
 */
export function orderSegments(rows: readonly SegmentFigures[]): SegmentFigures[] {
  const byName = new Map(rows.map((r) => [r.segment, r]))
  const known = SEGMENTS.map((segment) => byName.get(segment) ?? { segment, members: 0, spend12m: 0, averageSpend: 0 })
  const unknown = rows.filter((r) => !(SEGMENTS as readonly string[]).includes(r.segment))
  return [...known, ...unknown]
}

/** The segment's name in the console's language; a segment without a translation shows its id. */
export function segmentLabel(segment: string | null | undefined, translate: (key: string) => string, exists: (key: string) => boolean): string {
  if (!segment) return '—'
  const key = `segments.${segment}`
  return exists(key) ? translate(key) : segment
}

export const isSegment = (value: string): value is Segment => (SEGMENTS as readonly string[]).includes(value)
