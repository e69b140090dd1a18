import { describe, expect, it } from 'vitest'
import type { DirectoryEntry } from '../../src/api/stores'
import { homeStoreGroups, keptPick, showsRegions } from '../../src/member/homeStore'

const entry = (storeId: string, name: string, region: string | null = null): DirectoryEntry => ({ storeId, name, region })

describe('the home-store picker of registration', () => {
  it('groups the stores by region, regions in Chinese order, and the stores without one last', () => {
    const groups = homeStoreGroups([
      entry('s003', '乌鲁木齐店', '西北'), entry('s001', '人民广场店', '华东'), entry('s009', '机场店'), entry('s002', '徐家汇店', ' 华东 '),
    ])
    expect(groups.map((g) => g.region)).toEqual(['华东', '西北', null])
    expect(groups[0].stores.map((s) => s.storeId)).toEqual(['s001', 's002'])
    expect(groups[2].stores).toEqual([{ storeId: 's009', label: '机场店' }])
  })

  it('names each store as a shopper knows it, by its id only when it has no name, in Chinese order', () => {
    const [group] = homeStoreGroups([entry('s002', '徐家汇店'), entry('s004', ''), entry('s001', '人民广场店'), entry('s003', '  ')])
    expect(group.stores).toEqual([
      { storeId: 's001', label: '人民广场店' }, { storeId: 's002', label: '徐家汇店' }, { storeId: 's003', label: 's003' }, { storeId: 's004', label: 's004' },
    ])
  })

  it('shows region headings only when some store has a region', () => {
    expect(showsRegions(homeStoreGroups([entry('s001', '人民广场店'), entry('s002', '徐家汇店')]))).toBe(false)
    expect(showsRegions(homeStoreGroups([entry('s001', '人民广场店', '华东'), entry('s002', '徐家汇店')]))).toBe(true)
  })

  it('offers nothing to pick from an empty directory (the form goes without the picker)', () => {
    expect(homeStoreGroups([])).toEqual([])
  })

  it('keeps a pick while the directory lists it, and drops one it no longer does', () => {
    const directory = [entry('s001', '人民广场店')]
    expect(keptPick('s001', directory)).toBe('s001')
    expect(keptPick('s404', directory)).toBe('')
    expect(keptPick('', directory)).toBe('')
  })
})
