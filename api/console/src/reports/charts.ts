import type { EChartsCoreOption } from 'echarts/core'
import { formatCount } from '../utils/format'
import { formatFen, formatFenAxis } from '../utils/money'
import { SEGMENT_COLORS, isSegment, type SegmentFigures } from './segments'

// As on the dashboard, series stay in fen and counts; only labels and tooltips turn fen into yuan.

const RED = '#e4393c'
const PALETTE = ['#e4393c', '#f59e0b', '#10b981', '#3b82f6', '#8b5cf6', '#ec4899', '#14b8a6', '#64748b']
const SPLIT = { lineStyle: { color: '#f1f5f9' } }

interface AxisItem { axisValue: string; seriesIndex: number; value: number; marker: string; seriesName: string }

/** Revenue per period as bars (left axis, yuan) and the number of sales as a line (right axis). */
export function salesTrendChart(
  labels: string[],
  revenue: number[],
  sales: number[],
  locale: string,
  names: { revenue: string; sales: string },
): EChartsCoreOption {
  return {
    color: [RED, '#3b82f6'],
    grid: { left: 72, right: 48, top: 36, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: AxisItem[]) =>
        [items[0]?.axisValue, ...items.map((i) => `${i.marker}${i.seriesName}: ${i.seriesIndex === 0 ? formatFen(i.value) : formatCount(i.value)}`)].join('<br/>'),
    },
    legend: { data: [names.revenue, names.sales], top: 0, right: 8 },
    xAxis: { type: 'category', data: labels },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => formatFenAxis(v, locale) }, splitLine: SPLIT },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: names.revenue, type: 'bar', barMaxWidth: 28, itemStyle: { borderRadius: [4, 4, 0, 0] }, data: revenue },
      { name: names.sales, type: 'line', yAxisIndex: 1, smooth: true, showSymbol: labels.length <= 45, data: sales },
    ],
  }
}

/** New members per period, one stacked bar series per sign-up channel. */
export function signupsChart(labels: string[], channels: Array<{ name: string; data: number[] }>): EChartsCoreOption {
  return {
    color: PALETTE,
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, right: 8 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1, splitLine: SPLIT },
    series: channels.map((c) => ({ name: c.name, type: 'bar', stack: 'members', barMaxWidth: 28, data: c.data })),
  }
}

const TIER_COLORS: Record<string, string> = { gold: '#f5a623', silver: '#9aa5b4', standard: '#e4393c' }

/**
 * How many members each tier holds (counts, unlike the dashboard's tier chart of sales). The legend
 * carries names and counts, so nothing sticks out of a narrow column; the hovered slice shows in the hole.
 */
export function tierMembersChart(tiers: Array<{ tier: string; members: number }>, tierName: (tier: string) => string): EChartsCoreOption {
  const counts = new Map(tiers.map((t) => [tierName(t.tier), t.members]))
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}<br/>${formatCount(p.value)} (${p.percent}%)` },
    legend: { bottom: 0, formatter: (name: string) => `${name} ${formatCount(counts.get(name) ?? 0)}` },
    series: [
      {
        type: 'pie',
        radius: ['42%', '66%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { show: false, position: 'center', formatter: '{b}\n{d}%', fontSize: 14, lineHeight: 20 },
        emphasis: { label: { show: true, fontWeight: 'bold' } },
        data: tiers.map((t) => ({ name: tierName(t.tier), value: t.members, ...(TIER_COLORS[t.tier] ? { itemStyle: { color: TIER_COLORS[t.tier] } } : {}) })),
      },
    ],
  }
}

/** Members per segment, each bar in its segment's colour; the axis reads the segments' names. */
export function segmentsChart(rows: SegmentFigures[], label: (segment: string) => string): EChartsCoreOption {
  return {
    grid: { left: 48, right: 16, top: 16, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: Array<{ dataIndex: number; marker: string }>) => {
        const row = rows[items[0]?.dataIndex ?? -1]
        return row ? `${items[0].marker}${label(row.segment)}: ${formatCount(row.members)}<br/>${formatFen(row.spend12m)}` : ''
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => label(r.segment)), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, splitLine: SPLIT },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { borderRadius: [4, 4, 0, 0] },
        label: { show: true, position: 'top', formatter: (p: { value: number }) => (p.value ? formatCount(p.value) : '') },
        data: rows.map((r) => ({ value: r.members, itemStyle: { color: isSegment(r.segment) ? SEGMENT_COLORS[r.segment] : '#64748b' } })),
      },
    ],
  }
}

/** Two bar series per period, side by side, with a tooltip that writes each value as `format` says. */
function inOutBars(
  labels: string[],
  series: [{ name: string; data: number[]; color: string }, { name: string; data: number[]; color: string }],
  format: (value: number) => string,
  axisLabel: (value: number) => string,
  integerAxis: boolean,
): EChartsCoreOption {
  return {
    color: series.map((s) => s.color),
    grid: { left: 72, right: 16, top: 36, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: AxisItem[]) => [items[0]?.axisValue, ...items.map((i) => `${i.marker}${i.seriesName}: ${format(i.value)}`)].join('<br/>'),
    },
    legend: { data: series.map((s) => s.name), top: 0, right: 8 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', ...(integerAxis ? { minInterval: 1 } : {}), axisLabel: { formatter: axisLabel }, splitLine: SPLIT },
    series: series.map((s) => ({ name: s.name, type: 'bar', barMaxWidth: 18, barGap: '10%', itemStyle: { borderRadius: [3, 3, 0, 0] }, data: s.data })),
  }
}

/** Points into members' balances (earned, gifted, given back) against points out (redeemed, clawed back, expired), per period. */
export function pointsFlowChart(labels: string[], pointsIn: number[], pointsOut: number[], names: { in: string; out: string }): EChartsCoreOption {
  return inOutBars(labels, [{ name: names.in, data: pointsIn, color: '#8b5cf6' }, { name: names.out, data: pointsOut, color: '#f59e0b' }], formatCount, formatCount, true)
}

/** Stored value topped up against stored value spent per period: fen in the series, yuan on the axis and in the tooltip. */
export function storedValueFlowChart(
  labels: string[],
  toppedUp: number[],
  spent: number[],
  locale: string,
  names: { toppedUp: string; spent: string },
): EChartsCoreOption {
  return inOutBars(
    labels,
    [{ name: names.toppedUp, data: toppedUp, color: '#10b981' }, { name: names.spent, data: spent, color: '#3b82f6' }],
    (v) => formatFen(v),
    (v) => formatFenAxis(v, locale),
    false,
  )
}
