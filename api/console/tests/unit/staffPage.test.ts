import { describe, expect, it } from 'vitest'
import type { Store } from '../../src/api/stores'
import { CHAIN } from '../../src/dashboard/selection'
import { deviceStores, firstDeviceStore, pageTitleKey, staffSections, typesStores } from '../../src/staff/staffPage'

const ADMIN = ['admin']
const MANAGER = ['manager']
const store = (storeId: string): Store => ({ storeId, name: storeId, timeZone: 'Asia/Shanghai', region: null })

describe('the users & devices page, for head office and for a store manager', () => {
  it('shows head office the staff accounts and the devices, a store manager the devices alone', () => {
    expect(staffSections(ADMIN)).toEqual(['accounts', 'devices'])
    expect(staffSections(['manager', 'admin'])).toEqual(['accounts', 'devices'])
    expect(staffSections(MANAGER)).toEqual(['devices'])
    expect(staffSections(['lane'])).toEqual([])
  })

  it('names the page "users & devices" to head office and "store devices" to a manager, in the menu and the header', () => {
    expect(pageTitleKey('staff', ADMIN)).toBe('staff')
    expect(pageTitleKey('staff', MANAGER)).toBe('devices')
    expect(pageTitleKey('stores', MANAGER)).toBe('stores')
    expect(pageTitleKey('dashboard', ADMIN)).toBe('dashboard')
  })

  it("offers head office every store it knows of, and lets it type another; a manager only their own", () => {
    const listed = [store('s001'), store('s002'), store('s003')]
    expect(deviceStores(ADMIN, listed, [], ['s009'])).toEqual(['s001', 's002', 's003'])
    expect(deviceStores(ADMIN, null, [], ['s009', 's001'])).toEqual(['s001', 's009'])
    expect(typesStores(ADMIN)).toBe(true)
    // Whatever the list or the console's guesses hold, a manager is offered the stores of their token.
    expect(deviceStores(MANAGER, listed, ['s002'], ['s003'])).toEqual(['s002'])
    expect(deviceStores(MANAGER, null, ['s004', 's002'], ['s003'])).toEqual(['s002', 's004'])
    expect(typesStores(MANAGER)).toBe(false)
  })

  it("opens on the header's store when the caller may act for it, else on a manager's first store", () => {
    expect(firstDeviceStore('s002', ADMIN, [])).toBe('s002')
    expect(firstDeviceStore(CHAIN, ADMIN, [])).toBe('')
    expect(firstDeviceStore('', ADMIN, [])).toBe('')
    expect(firstDeviceStore('s002', MANAGER, ['s001', 's002'])).toBe('s002')
    expect(firstDeviceStore('s003', MANAGER, ['s001', 's002'])).toBe('s001')
    expect(firstDeviceStore(CHAIN, MANAGER, ['s001'])).toBe('s001')
  })
})
