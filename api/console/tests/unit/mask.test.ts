import { describe, expect, it } from 'vitest'
import { maskCardNo, maskEmail, maskName, maskPhone, mayReveal } from '../../src/utils/mask'

describe('masking personal data', () => {
  it('masks the middle of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('138****5678')).toBe('138****5678')
    expect(maskPhone('12345')).toBe('*****')
    expect(maskPhone(undefined)).toBe('—')
  })

  it('keeps only the first character of a name', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('Li Wei')).toBe('L*****')
    expect(maskName('王')).toBe('王*')
    expect(maskName('张*')).toBe('张*')
  })

  it('keeps the first and last four digits of a card', () => {
    expect(maskCardNo('8800012345')).toBe('8800**2345')
    expect(maskCardNo('880001234567')).toBe('8800****4567')
    expect(maskCardNo('1234567')).toBe('***4567')
  })

  it('masks the local part of an email', () => {
    expect(maskEmail('zhang@example.com')).toBe('z****@example.com')
  })

  it('lets only admins lift the mask', () => {
    expect(mayReveal(['admin'])).toBe(true)
    expect(mayReveal(['manager'])).toBe(false)
    expect(mayReveal([])).toBe(false)
  })
})
