// A member's purchases and returns with their receipts (电子小票, docs/sign-in.md "Purchases"): the member in the
// portal, head office, and managers of the member's home store at the service desk (anyone else: 403).
import { get } from './http'
import { pageOf, purchasesPath, type PurchasePage } from '../purchases/paging'

/** One sale or return in the list. Money in fen; a return's figures are negative (what it gave back). */
export interface PurchaseItem {
  txnId: string
  kind: 'sale' | 'return' | string
  storeId: string
  /** Null for a store nobody set up (GET /stores does not know it). */
  storeName?: string | null
  laneId?: string | null
  committedAt: string
  total: number
  pointsEarned: number
  pointsRedeemed: number
  storedValueSpent: number
  /** A return's sale. */
  originalTxnId?: string | null
}

/** A priced line of a sale (PricedLine.cs): `net` = `gross` − `discount`; a weighed line's `unitPrice` is per kg. */
export interface ReceiptLine {
  lineId: string
  sku: string
  name: string
  qty: number
  weightGrams?: number | null
  unitPrice: number
  gross: number
  discount: number
  net: number
  categoryPath?: string[]
  pointsToEarn?: number
  pointsRedeemed?: number
}

/** Why money came off (Discount.cs): `label` is what the till printed (金卡95折, 满100减20). */
export interface ReceiptDiscount {
  ruleId: string
  kind: 'tier' | 'promotion' | 'coupon' | 'points' | string
  label: string
  amount: number
  lineIds?: string[]
}

/** One way the shopper paid: cash, bankcard, wechatpay, alipay, or storedValue from `cardNo`. */
export interface ReceiptTender {
  kind: string
  amount: number
  cardNo?: string | null
}

/** A sale's receipt exactly as the lane got it (Receipt.cs). */
export interface SaleReceipt {
  txnId: string
  storeId: string
  laneId: string
  committedAt: string
  member?: { memberId: string; displayName?: string; tier?: string } | null
  lines: ReceiptLine[]
  discounts: ReceiptDiscount[]
  subtotal: number
  discountTotal: number
  pointsRedeemed: number
  /** What the points redeemed took off, in fen. */
  pointsValue: number
  total: number
  tenders: ReceiptTender[]
  pointsEarned: number
  pointsBalance?: number | null
  storedValueBalance?: number | null
  tier?: string | null
  tierChanged?: { from: string; to: string } | null
  couponsRedeemed?: string[]
  couponsIssued?: string[]
  messages?: string[]
}

/** One line given back (ReturnedLine.cs): the money, and the points it took back and gave back. */
export interface ReturnedLine {
  lineId: string
  qty: number
  refund: number
  pointsClawback: number
  pointsGiveBack: number
}

/** A return's receipt (ReturnReceipt.cs): `refund` = `storedValueRefund` (to the card) + `otherTendersRefund` (at the till). */
export interface ReturnReceipt {
  txnId: string
  originalTxnId: string
  storeId: string
  laneId: string
  committedAt: string
  lines: ReturnedLine[]
  refund: number
  storedValueRefund: number
  otherTendersRefund: number
  pointsClawedBack: number
  pointsGivenBack: number
  isFullReturn: boolean
  couponsRestored?: string[]
  pointsBalance?: number | null
  storedValueBalance?: number | null
  tier?: string | null
}

export type Receipt = SaleReceipt | ReturnReceipt

/** Newest first; `before` is the `next` of the page before (none for the first page). */
export async function listPurchases(memberId: string, before?: string | null, limit?: number): Promise<PurchasePage<PurchaseItem>> {
  return pageOf<PurchaseItem>(await get<unknown>(purchasesPath(memberId, before, limit)))
}

/** One receipt; another member's txnId (or none at all): 404 txn.not_found. */
export const getReceipt = (memberId: string, txnId: string) =>
  get<Receipt>(`/members/${encodeURIComponent(memberId)}/purchases/${encodeURIComponent(txnId)}`)
