import { describe, expect, it } from 'vitest'
import { salesTrendChart, segmentsChart, signupsChart, tierMembersChart } from '../../src/reports/charts'
import { SEGMENT_COLORS } from '../../src/reports/segments'

type Series = Array<{ type: string; name?: string; stack?: string; yAxisIndex?: number; data: unknown[] }>
type Option = { series: Series; xAxis: { data: string[] }; yAxis: unknown; tooltip: { formatter: (items: unknown) => string } }

describe('report charts', () => {
  it('draws revenue as bars in fen and the number of sales as a line on its own axis', () => {
    const option = salesTrendChart(['11-01', '11-02'], [125000, 0], [3, 0], 'zh-CN', { revenue: '销售额', sales: '销售笔数' }) as unknown as Option
    expect(option.xAxis.data).toEqual(['11-01', '11-02'])
    expect(option.series.map((s) => [s.type, s.name, s.yAxisIndex])).toEqual([['bar', '销售额', undefined], ['line', '销售笔数', 1]])
    expect(option.series[0].data).toEqual([125000, 0])
    const yAxes = option.yAxis as Array<{ axisLabel?: { formatter: (v: number) => string } }>
    expect(yAxes[0].axisLabel?.formatter(125000)).toBe('¥1,250')
    const tip = option.tooltip.formatter([
      { axisValue: '11-01', seriesIndex: 0, value: 125000, marker: '', seriesName: '销售额' },
      { axisValue: '11-01', seriesIndex: 1, value: 3, marker: '', seriesName: '销售笔数' },
    ])
    expect(tip).toBe('11-01<br/>销售额: ¥1,250.00<br/>销售笔数: 3')
  })

  it('stacks new members by channel', () => {
    const option = signupsChart(['11-01'], [{ name: '收银台', data: [3] }, { name: 'App', data: [1] }]) as unknown as Option
    expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([['收银台', 'members', [3]], ['App', 'members', [1]]])
  })

  it('shows the tier mix as member counts with the tiers named', () => {
    const option = tierMembersChart([{ tier: 'gold', members: 2 }, { tier: 'standard', members: 9 }], (t) => t.toUpperCase()) as unknown as Option
    expect(option.series[0].data).toEqual([
      { name: 'GOLD', value: 2, itemStyle: { color: '#f5a623' } },
      { name: 'STANDARD', value: 9, itemStyle: { color: '#e4393c' } },
    ])
    const legend = (option as unknown as { legend: { formatter: (name: string) => string } }).legend
    expect(legend.formatter('STANDARD')).toBe('STANDARD 9')
  })

  it('labels segments in the console language and colours each bar by segment', () => {
    const rows = [{ segment: 'champions', members: 4, spend12m: 80000, averageSpend: 20000 }, { segment: 'odd', members: 1, spend12m: 0, averageSpend: 0 }]
    const option = segmentsChart(rows, (s) => (s === 'champions' ? '重要价值' : s)) as unknown as Option
    expect(option.xAxis.data).toEqual(['重要价值', 'odd'])
    expect(option.series[0].data).toEqual([
      { value: 4, itemStyle: { color: SEGMENT_COLORS.champions } },
      { value: 1, itemStyle: { color: '#64748b' } },
    ])
    expect(option.tooltip.formatter([{ dataIndex: 0, marker: '' }])).toBe('重要价值: 4<br/>¥800.00')
  })
})
