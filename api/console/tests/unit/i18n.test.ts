import { describe, expect, it } from 'vitest'
import en from '../../src/i18n/en'
import zhCN from '../../src/i18n/zh-CN'

function keys(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) return [prefix]
  return Object.entries(messages).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() : []
}

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages)
}

describe('translations', () => {
  it('has every key in both Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort())
  })

  it('uses the same placeholders in both languages', () => {
    for (const key of keys(zhCN)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)))
    }
  })

  it('leaves no message empty', () => {
    for (const key of [...keys(zhCN), ...keys(en)]) {
      const text = lookup(zhCN, key) ?? lookup(en, key)
      expect(Array.isArray(text) ? text.length : String(text).trim().length, key).toBeGreaterThan(0)
    }
  })

  it('names every dashboard activity kind and every tier', () => {
    for (const kind of ['sale', 'return', 'member', 'topup', 'coupon', 'tier', 'lane']) {
      expect(zhCN.dashboard.kinds).toHaveProperty(kind)
    }
    for (const tier of ['standard', 'silver', 'gold']) expect(zhCN.tiers).toHaveProperty(tier)
  })
})
