// A coupon template members buy with points (docs/rewards.md), and its 限量: how many of it points may buy, all
// stores together. The api's rule (CouponTemplateValidator): a stock of 1–100,000, only with a points price, and
// never on a public code, which is not bought.

export const POINTS_PRICE_MAX = 1_000_000
export const REWARD_STOCK_MAX = 100_000

export interface RewardForm {
  public: boolean
  pointsPrice: number | null
  rewardStock: number | null
}

const whole = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isSafeInteger(n)

/** Whether the form offers a stock: only for a reward (a points price on a template that is not public). */
export const offersStock = (form: RewardForm) => !form.public && form.pointsPrice != null

/** The stock's problem as a key under `coupons`, or null; an empty stock is no limit. */
export function rewardStockProblem(form: RewardForm): string | null {
  if (form.rewardStock == null || !offersStock(form)) return null
  return whole(form.rewardStock) && form.rewardStock >= 1 && form.rewardStock <= REWARD_STOCK_MAX ? null : 'rewardStockRange'
}

/** `pointsPrice` and `rewardStock` of the POST /coupon-templates body: a stock goes only with the price it limits. */
export function rewardFields(form: RewardForm): { pointsPrice?: number; rewardStock?: number } {
  if (!offersStock(form)) return {}
  return { pointsPrice: form.pointsPrice!, ...(form.rewardStock != null ? { rewardStock: form.rewardStock } : {}) }
}
