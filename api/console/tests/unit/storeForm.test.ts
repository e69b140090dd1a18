import { describe, expect, it } from 'vitest'
import { apiFieldErrors, storeBody, storeFormOf, storeFormProblems, type StoreForm } from '../../src/staff/storeForm'
import { COMMON_TIME_ZONES, DEFAULT_TIME_ZONE, IANA_ZONE, utcOffset, zoneChoices } from '../../src/staff/timeZones'

const form = (changes: Partial<StoreForm> = {}): StoreForm => ({ storeId: 's004', name: '静安寺店', timeZone: 'Asia/Shanghai', region: '华东', ...changes })
const listed = [{ storeId: 's001' }, { storeId: 's002' }]

describe('the store form', () => {
  it('starts a new store on Beijing time, and an existing one as listed', () => {
    expect(storeFormOf()).toEqual({ storeId: '', name: '', timeZone: 'Asia/Shanghai', region: '' })
    expect(storeFormOf({ storeId: 's001', name: '人民广场店', timeZone: 'Asia/Urumqi', region: null })).toEqual({
      storeId: 's001', name: '人民广场店', timeZone: 'Asia/Urumqi', region: '',
    })
    // A manager's store that nobody set up yet: its id, the default zone.
    expect(storeFormOf({ storeId: 's009', name: '', timeZone: '' })).toEqual({ storeId: 's009', name: '', timeZone: DEFAULT_TIME_ZONE, region: '' })
  })

  it('takes a new store id the api takes, and nobody has', () => {
    expect(storeFormProblems(form(), true, listed)).toEqual({})
    expect(storeFormProblems(form({ storeId: ' ' }), true, listed)).toEqual({ storeId: 'storeIdRequired' })
    expect(storeFormProblems(form({ storeId: 's 004' }), true, listed)).toEqual({ storeId: 'storeIdInvalid' })
    expect(storeFormProblems(form({ storeId: 'x'.repeat(33) }), true, listed)).toEqual({ storeId: 'storeIdInvalid' })
    // PUT would replace it: a typo of an existing id must not rename that store.
    expect(storeFormProblems(form({ storeId: ' s001 ' }), true, listed)).toEqual({ storeId: 'storeIdTaken' })
    // Editing: the id is the store's own.
    expect(storeFormProblems(form({ storeId: 's001' }), false, listed)).toEqual({})
  })

  it('needs a name of at most 100 characters, an IANA time zone and a region of at most 50', () => {
    expect(storeFormProblems(form({ name: '  ' }), false)).toEqual({ name: 'nameRequired' })
    expect(storeFormProblems(form({ name: '店'.repeat(101) }), false)).toEqual({ name: 'nameTooLong' })
    expect(storeFormProblems(form({ timeZone: '' }), false)).toEqual({ timeZone: 'timeZoneRequired' })
    expect(storeFormProblems(form({ timeZone: 'China Standard Time' }), false)).toEqual({ timeZone: 'timeZoneInvalid' })
    expect(storeFormProblems(form({ timeZone: 'UTC' }), false)).toEqual({})
    expect(storeFormProblems(form({ region: '区'.repeat(51) }), false)).toEqual({ region: 'regionTooLong' })
    expect(storeFormProblems(form({ region: '' }), false)).toEqual({})
  })

  it('sends the name, zone and region trimmed, and no region when there is none', () => {
    expect(storeBody(form({ name: ' 静安寺店 ', timeZone: ' Asia/Shanghai ', region: ' 华东 ' }))).toEqual({ name: '静安寺店', timeZone: 'Asia/Shanghai', region: '华东' })
    expect(storeBody(form({ region: '   ' }))).toEqual({ name: '静安寺店', timeZone: 'Asia/Shanghai' })
  })

  it("puts the api's field errors beside the fields, and the rest above the buttons", () => {
    expect(apiFieldErrors({ timeZone: ['must be an IANA time zone such as Asia/Shanghai'], Name: ['is required', 'too short'], products: ['x'] })).toEqual({
      fields: { timeZone: 'must be an IANA time zone such as Asia/Shanghai', name: 'is required; too short' },
      other: ['products: x'],
    })
    expect(apiFieldErrors({})).toEqual({ fields: {}, other: [] })
  })
})

describe('time zones', () => {
  it('offers the common zones, Beijing time first, and keeps a store\'s own zone', () => {
    expect(COMMON_TIME_ZONES[0]).toBe('Asia/Shanghai')
    expect(zoneChoices('Asia/Shanghai')).toEqual([...COMMON_TIME_ZONES])
    expect(zoneChoices(null)).toEqual([...COMMON_TIME_ZONES])
    expect(zoneChoices('Europe/Paris')).toEqual(['Europe/Paris', ...COMMON_TIME_ZONES])
  })

  it('tells IANA names from anything else', () => {
    for (const zone of ['Asia/Shanghai', 'America/Argentina/Buenos_Aires', 'Etc/GMT+8', 'UTC']) expect(zone).toMatch(IANA_ZONE)
    for (const zone of ['China Standard Time', 'GMT+8', 'Asia/', '/Shanghai', 'CST']) expect(zone).not.toMatch(IANA_ZONE)
  })

  it('shows a zone\'s offset at an instant, daylight saving included', () => {
    const winter = new Date('2026-01-15T12:00:00Z')
    const summer = new Date('2026-07-15T12:00:00Z')
    expect(utcOffset('Asia/Shanghai', winter)).toBe('UTC+08:00')
    expect(utcOffset('UTC', winter)).toBe('UTC+00:00')
    expect(utcOffset('Europe/London', summer)).toBe('UTC+01:00')
    expect(utcOffset('America/New_York', winter)).toBe('UTC-05:00')
    expect(utcOffset('Mars/Olympus_Mons', winter)).toBeNull()
  })
})
