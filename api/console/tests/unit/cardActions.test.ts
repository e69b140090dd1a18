import { describe, expect, it } from 'vitest'
import { CHAIN } from '../../src/dashboard/selection'
import { cardActions } from '../../src/member/cardActions'
import { actingStore, deskActions, deskBody, foundBody } from '../../src/staff/cardDesk'

describe('what can be done with a card', () => {
  it('reports an active card lost, finds a lost one again, and leaves the rest alone', () => {
    expect(cardActions('active')).toEqual(['reportLost'])
    expect(cardActions('lost')).toEqual(['found'])
    expect(cardActions('replaced')).toEqual([])
    expect(cardActions('expired')).toEqual([])
    expect(cardActions('something-new')).toEqual([])
  })
})

describe('the store a desk action on a card is booked to', () => {
  it("is the header's store", () => {
    expect(actingStore('s002', ['admin'], [], 's001')).toBe('s002')
    expect(actingStore('s001', ['manager'], ['s001', 's003'], 's009')).toBe('s001')
  })

  it("is the member's home store for head office on the whole chain", () => {
    expect(actingStore(CHAIN, ['admin'], [], 's001')).toBe('s001')
    expect(actingStore('', ['admin'], [], 's001')).toBe('s001')
    expect(actingStore(CHAIN, ['admin'], [], null)).toBeNull()
  })

  it("is a manager's own store, never one they do not hold", () => {
    expect(actingStore('s002', ['manager'], ['s001'], 's002')).toBe('s001')
    expect(actingStore(CHAIN, ['manager'], ['s003'], 's002')).toBe('s003')
    expect(actingStore('', ['manager'], [], 's002')).toBeNull()
  })

  it('goes in the body, or is left to the api', () => {
    expect(foundBody('s001')).toEqual({ storeId: 's001' })
    expect(foundBody(null)).toEqual({})
    expect(deskBody('s002')).toEqual({ storeId: 's002' })
    expect(deskBody(null)).toEqual({})
  })
})

describe('the service desk on a card', () => {
  it('reports an active card lost (挂失), marks a lost one found (解挂), and offers nothing for the rest', () => {
    expect(deskActions('active')).toEqual(['reportLost'])
    expect(deskActions('lost')).toEqual(['found'])
    expect(deskActions('replaced')).toEqual([])
    expect(deskActions('expired')).toEqual([])
  })
})
