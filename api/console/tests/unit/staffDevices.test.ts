import { describe, expect, it } from 'vitest'
import { deviceFormProblems, replacesCredentials } from '../../src/staff/devices'
import { knownStores } from '../../src/staff/stores'

describe('issuing device credentials', () => {
  it('takes a store, a device id (as the api checks store ids) and a role', () => {
    expect(deviceFormProblems('s001', { deviceId: 'lane-01', role: 'lane' })).toEqual({})
    expect(deviceFormProblems(' s001 ', { deviceId: ' gw ', role: 'gateway' })).toEqual({})
    expect(deviceFormProblems('', { deviceId: '', role: '' })).toEqual({ storeId: 'storeRequired', deviceId: 'deviceIdRequired', role: 'roleRequired' })
    expect(deviceFormProblems('s 001', { deviceId: 'lane/01', role: 'manager' })).toEqual({ storeId: 'storeInvalid', deviceId: 'deviceIdInvalid', role: 'roleRequired' })
  })

  it('warns when the device has credentials already (issuing again replaces them)', () => {
    const devices = [{ deviceId: 'lane-01', clientId: 's001.lane-01.abc123', role: 'lane' }]
    expect(replacesCredentials(devices, ' lane-01 ')).toBe(true)
    expect(replacesCredentials(devices, 'lane-02')).toBe(false)
  })

  it('offers the stores the console knows and those staff accounts name, each once, sorted', () => {
    expect(knownStores(['s002', 'bad id'], [{ storeIds: ['s001', 's002'] }, { storeIds: [] }, {}])).toEqual(['s001', 's002'])
  })
})
