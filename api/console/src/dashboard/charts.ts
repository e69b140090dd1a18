import type { EChartsCoreOption } from 'echarts/core'
import { localTime } from '../utils/format'
import { formatFen, formatFenCompact } from '../utils/money'
import type { CategorySales, MinutePoint, TierSales } from './types'

// Chart series stay in fen (integers); only the labels turn them into yuan.

const RED = '#e4393c'
const PALETTE = ['#e4393c', '#f59e0b', '#10b981', '#3b82f6', '#8b5cf6', '#ec4899', '#14b8a6', '#64748b']

export function minuteChart(points: MinutePoint[], locale: string, labels: { sales: string; transactions: string }): EChartsCoreOption {
  return {
    color: [RED, '#94a3b8'],
    grid: { left: 64, right: 40, top: 36, bottom: 28 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => String(v),
      formatter: (items: Array<{ axisValue: string; seriesIndex: number; value: number; marker: string; seriesName: string }>) =>
        [items[0]?.axisValue, ...items.map((i) => `${i.marker}${i.seriesName}: ${i.seriesIndex === 0 ? formatFen(i.value) : i.value}`)].join('<br/>'),
    },
    legend: { data: [labels.sales, labels.transactions], top: 0, right: 8 },
    xAxis: { type: 'category', data: points.map((p) => localTime(p.minute)), boundaryGap: false, axisLabel: { interval: 9 } },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => formatFenCompact(v, locale) }, splitLine: { lineStyle: { color: '#f1f5f9' } } },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.sales,
        type: 'line',
        smooth: true,
        showSymbol: false,
        areaStyle: { color: 'rgba(228,57,60,0.12)' },
        data: points.map((p) => p.netSales),
      },
      { name: labels.transactions, type: 'bar', yAxisIndex: 1, barMaxWidth: 6, data: points.map((p) => p.transactions) },
    ],
  }
}

export function categoryChart(categories: CategorySales[], locale: string): EChartsCoreOption {
  const ordered = [...categories].reverse()
  return {
    color: [RED],
    grid: { left: 84, right: 90, top: 8, bottom: 8 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatFen(v) },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: ordered.map((c) => c.category), axisTick: { show: false }, axisLine: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        itemStyle: { borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', formatter: (p: { value: number }) => formatFenCompact(p.value, locale) },
        data: ordered.map((c) => c.netSales),
      },
    ],
  }
}

export function tierChart(tiers: TierSales[], tierName: (tier: string) => string): EChartsCoreOption {
  return {
    color: ['#f59e0b', '#94a3b8', '#b45309', ...PALETTE],
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number; percent: number }) => `${p.name}<br/>${formatFen(p.value)} (${p.percent}%)` },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{b}' },
        data: tiers.map((t) => ({ name: tierName(t.tier), value: t.grossSales })),
      },
    ],
  }
}
