import type { Receipt, ReceiptTender, ReturnReceipt, SaleReceipt } from '../api/purchases'
import { formatFen } from '../utils/money'

// A receipt (电子小票) as the portal and the service desk show it, from the receipt the lane got: every amount as
// ¥ with two decimals (money arrives in fen), what came off as a deduction, and for a return what was given back.

/** A return's receipt names the sale it returns and what it refunded; a sale's has neither. */
export function isReturnReceipt(receipt: Receipt): receipt is ReturnReceipt {
  const r = receipt as Partial<ReturnReceipt>
  return typeof r.originalTxnId === 'string' && typeof r.refund === 'number'
}

/** How much of a line: "2" units, or for a weighed line its weight in kg ("0.532 kg"), counted in whole grams. */
export function quantityText(qty: number, weightGrams?: number | null): string {
  if (weightGrams != null && Number.isSafeInteger(weightGrams) && weightGrams > 0) {
    return `${Math.trunc(weightGrams / 1000)}.${String(weightGrams % 1000).padStart(3, '0')} kg`
  }
  return String(qty)
}

/** An amount taken off: "-¥1.00"; null when nothing came off. */
export const deductionText = (fen: number | null | undefined) => (fen ? formatFen(-Math.abs(fen)) : null)

/** A balance after the purchase, or null for a shopper without one (no member, or an api that left it out). */
const balance = (fen: number | null | undefined) => (fen == null ? null : formatFen(fen))

export interface SaleLineView {
  lineId: string
  name: string
  sku: string
  quantity: string
  /** Per unit, or per kg for a weighed line. */
  unitPrice: string
  weighed: boolean
  gross: string
  discount: string | null
  net: string
}

export interface TenderView {
  kind: string
  amount: string
  cardNo: string | null
}

export interface SaleView {
  kind: 'sale'
  txnId: string
  storeId: string
  laneId: string
  committedAt: string
  lines: SaleLineView[]
  /** Tier, promotion and coupon discounts, each with the label the till printed. */
  discounts: Array<{ label: string; kind: string; amount: string }>
  subtotal: string
  /** The discounts together (not the points: the api counts them apart). */
  discountTotal: string | null
  /** Points spent as money: how many, and what they took off. */
  pointsUsed: { points: number; value: string } | null
  total: string
  tenders: TenderView[]
  pointsEarned: number
  pointsBalance: number | null
  storedValueBalance: string | null
  tier: string | null
  tierChanged: { from: string; to: string } | null
  couponsRedeemed: string[]
  couponsIssued: string[]
  messages: string[]
}

export interface ReturnLineView {
  lineId: string
  /** The sale's line name when the sale's receipt is at hand, else null (the return's receipt names lines by id). */
  name: string | null
  qty: number
  refund: string
  pointsClawback: number
  pointsGiveBack: number
}

export interface ReturnView {
  kind: 'return'
  txnId: string
  originalTxnId: string
  storeId: string
  laneId: string
  committedAt: string
  isFullReturn: boolean
  lines: ReturnLineView[]
  /** All the money given back, and how: onto the card, or at the till (cash, back to the bank card…). */
  refund: string
  storedValueRefund: string | null
  otherTendersRefund: string | null
  pointsClawedBack: number
  pointsGivenBack: number
  couponsRestored: string[]
  pointsBalance: number | null
  storedValueBalance: string | null
  tier: string | null
}

export type ReceiptView = SaleView | ReturnView

const tenderView = (t: ReceiptTender): TenderView => ({ kind: t.kind, amount: formatFen(t.amount), cardNo: t.cardNo ?? null })

export function saleView(r: SaleReceipt): SaleView {
  return {
    kind: 'sale',
    txnId: r.txnId,
    storeId: r.storeId,
    laneId: r.laneId,
    committedAt: r.committedAt,
    lines: (r.lines ?? []).map((l) => ({
      lineId: l.lineId,
      name: l.name || l.sku,
      sku: l.sku,
      quantity: quantityText(l.qty, l.weightGrams),
      unitPrice: formatFen(l.unitPrice),
      weighed: l.weightGrams != null && l.weightGrams > 0,
      gross: formatFen(l.gross),
      discount: deductionText(l.discount),
      net: formatFen(l.net),
    })),
    // The points' own discount ("积分抵扣") shows as `pointsUsed`, with the points it took.
    discounts: (r.discounts ?? []).filter((d) => d.amount && d.kind !== 'points').map((d) => ({ label: d.label || d.ruleId, kind: d.kind, amount: formatFen(-Math.abs(d.amount)) })),
    subtotal: formatFen(r.subtotal),
    discountTotal: deductionText(r.discountTotal),
    pointsUsed: r.pointsRedeemed ? { points: r.pointsRedeemed, value: formatFen(-Math.abs(r.pointsValue ?? 0)) } : null,
    total: formatFen(r.total),
    tenders: (r.tenders ?? []).map(tenderView),
    pointsEarned: r.pointsEarned ?? 0,
    pointsBalance: r.pointsBalance ?? null,
    storedValueBalance: balance(r.storedValueBalance),
    tier: r.tier ?? null,
    tierChanged: r.tierChanged ?? null,
    couponsRedeemed: r.couponsRedeemed ?? [],
    couponsIssued: r.couponsIssued ?? [],
    messages: r.messages ?? [],
  }
}

/** A return, its lines named from the sale's receipt when that is at hand (`original`). */
export function returnView(r: ReturnReceipt, original?: SaleReceipt | null): ReturnView {
  const names = new Map((original?.lines ?? []).map((l) => [l.lineId, l.name || l.sku]))
  return {
    kind: 'return',
    txnId: r.txnId,
    originalTxnId: r.originalTxnId,
    storeId: r.storeId,
    laneId: r.laneId,
    committedAt: r.committedAt,
    isFullReturn: !!r.isFullReturn,
    lines: (r.lines ?? []).map((l) => ({
      lineId: l.lineId,
      name: names.get(l.lineId) ?? null,
      qty: l.qty,
      refund: formatFen(Math.abs(l.refund)),
      pointsClawback: Math.abs(l.pointsClawback ?? 0),
      pointsGiveBack: Math.abs(l.pointsGiveBack ?? 0),
    })),
    refund: formatFen(Math.abs(r.refund)),
    storedValueRefund: r.storedValueRefund ? formatFen(Math.abs(r.storedValueRefund)) : null,
    otherTendersRefund: r.otherTendersRefund ? formatFen(Math.abs(r.otherTendersRefund)) : null,
    pointsClawedBack: Math.abs(r.pointsClawedBack ?? 0),
    pointsGivenBack: Math.abs(r.pointsGivenBack ?? 0),
    couponsRestored: r.couponsRestored ?? [],
    pointsBalance: r.pointsBalance ?? null,
    storedValueBalance: balance(r.storedValueBalance),
    tier: r.tier ?? null,
  }
}

export function receiptView(receipt: Receipt, original?: SaleReceipt | null): ReceiptView {
  return isReturnReceipt(receipt) ? returnView(receipt, original) : saleView(receipt)
}
