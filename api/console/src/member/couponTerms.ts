import type { CouponTerms } from '../api/members'
import { formatFenBrief } from '../utils/money'

// What a coupon gives, in the words a shop prints on it: "满 ¥50 减 ¥10", "9 折", "食品类 满 ¥30 减 ¥5",
// "赠品"; in English "¥10 off ¥50", "10% off", "食品: ¥5 off ¥30", "Free gift". Money arrives in fen and
// leaves as text through the fen formatter; no amount is ever a float.

/** A whole, non-negative number of fen (or of anything else counted). */
const isCount = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

/** `percent` off as 折, the price paid in tenths: 10 → "9", 15 → "8.5", 12 → "8.8", 95 → "0.5". */
export function zheOf(percent: number): string {
  const paid = 100 - percent
  const tenths = paid % 10
  return tenths === 0 ? String(paid / 10) : `${(paid - tenths) / 10}.${tenths}`
}

/**
 * A short description of a coupon's terms in the viewer's language (`zh…` Chinese, else English);
 * null when the terms are unknown (the template is gone) or do not make sense (say, 120 % off), so the
 * page shows the coupon's name alone rather than a wrong promise.
 */
export function couponTermsText(terms: CouponTerms, locale: string): string | null {
  const zh = locale.startsWith('zh')
  const { kind } = terms
  if (terms.threshold != null && !isCount(terms.threshold)) return null
  // 0 (or none) = no threshold.
  const threshold = terms.threshold ? formatFenBrief(terms.threshold) : null

  let body: string
  switch (kind) {
    case 'amountOffOver':
    case 'categoryAmountOff': {
      if (!isCount(terms.amount) || terms.amount === 0) return null
      const amount = formatFenBrief(terms.amount)
      body = zh ? (threshold ? `满 ${threshold} 减 ${amount}` : `立减 ${amount}`) : threshold ? `${amount} off ${threshold}` : `${amount} off`
      break
    }
    case 'percentOff':
    case 'categoryPercentOff': {
      const { percent } = terms
      if (!isCount(percent) || percent < 1 || percent > 99) return null
      body = zh ? (threshold ? `满 ${threshold} 享 ${zheOf(percent)} 折` : `${zheOf(percent)} 折`) : threshold ? `${percent}% off ${threshold}` : `${percent}% off`
      break
    }
    case 'gift':
      body = zh ? (threshold ? `满 ${threshold} 送赠品` : '赠品') : threshold ? `free gift with ${threshold}` : 'free gift'
      break
    default:
      return null
  }

  // The goods it applies to: a category ("食品/乳制品"), or for a category kind without one, the
  // template's own list of SKUs, which the member's view does not carry.
  const path = (terms.categoryPath ?? []).map((part) => part.trim()).filter(Boolean)
  const targeted = kind === 'categoryAmountOff' || kind === 'categoryPercentOff'
  const scope = path.length ? (zh ? `${path.join('/')}类` : path.join('/')) : targeted ? (zh ? '指定商品' : 'Selected items') : null
  const text = scope ? (zh ? `${scope} ${body}` : `${scope}: ${body}`) : body
  return zh ? text : text.charAt(0).toUpperCase() + text.slice(1)
}
