// The mock's dashboard figures: a small JavaScript twin of the store grain's fold, enough to
// develop the console and to rehearse the browser tests before the real api exists.

const TZ_OFFSET = '+08:00'

export function shanghaiIso(ms) {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}${TZ_OFFSET}`
}

const minuteStart = (ms) => ms - (ms % 60_000)

export class StoreFigures {
  constructor(storeId) {
    this.storeId = storeId
    this.epoch = `mock-${storeId}`
    this.seq = 0
    this.f = {
      netSales: 0, grossSales: 0, refunds: 0, transactions: 0, returns: 0, averageBasket: 0,
      memberSales: 0, memberTransactions: 0, memberShareBasisPoints: 0, discountTotal: 0,
      pointsIssued: 0, pointsRedeemed: 0, storedValueToppedUp: 0, storedValueSpent: 0,
      newMembers: 0, couponsRedeemed: 0, lanesOnline: 0, lanesTotal: 0,
    }
    this.minutes = new Map()
    this.categories = new Map()
    this.tiers = new Map()
    this.lanes = new Map()
    this.activity = []
    this.changedMinutes = new Set()
    this.changedLanes = new Set()
    this.newActivity = []
  }

  sale({ txnId, laneId, total, discount = 0, memberId = null, tier = null, categories = {}, points = 0, at = Date.now() }) {
    const f = this.f
    f.grossSales += total
    f.transactions += 1
    f.discountTotal += discount
    f.pointsIssued += points
    if (memberId) {
      f.memberSales += total
      f.memberTransactions += 1
      const mix = this.tiers.get(tier ?? 'standard') ?? { transactions: 0, grossSales: 0 }
      this.tiers.set(tier ?? 'standard', { transactions: mix.transactions + 1, grossSales: mix.grossSales + total })
    }
    for (const [category, amount] of Object.entries(categories)) this.categories.set(category, (this.categories.get(category) ?? 0) + amount)
    const minute = minuteStart(at)
    const point = this.minutes.get(minute) ?? { netSales: 0, transactions: 0 }
    this.minutes.set(minute, { netSales: point.netSales + total, transactions: point.transactions + 1 })
    this.changedMinutes.add(minute)
    const lane = this.lanes.get(laneId) ?? { laneId, online: true, since: shanghaiIso(at), transactions: 0, netSales: 0 }
    this.lanes.set(laneId, { ...lane, online: true, lastSaleAt: shanghaiIso(at), transactions: lane.transactions + 1, netSales: lane.netSales + total })
    this.changedLanes.add(laneId)
    this.addActivity({ id: `sale:${txnId}`, kind: 'sale', at: shanghaiIso(at), storeId: this.storeId, laneId, amount: total, detail: tier, member: !!memberId })
  }

  memberRegistered(memberId, at = Date.now()) {
    this.f.newMembers += 1
    this.addActivity({ id: `member:${memberId}`, kind: 'member', at: shanghaiIso(at), storeId: this.storeId, amount: 0, detail: 'standard', member: true })
  }

  addActivity(item) {
    this.activity = [item, ...this.activity].slice(0, 20)
    this.newActivity = [item, ...this.newActivity].slice(0, 20)
  }

  figures() {
    const f = this.f
    const lanes = [...this.lanes.values()]
    return {
      ...f,
      netSales: f.grossSales - f.refunds,
      averageBasket: f.transactions ? Math.floor(f.grossSales / f.transactions) : 0,
      memberShareBasisPoints: f.grossSales ? Math.floor((f.memberSales * 10000) / f.grossSales) : 0,
      lanesOnline: lanes.filter((l) => l.online).length,
      lanesTotal: lanes.length,
    }
  }

  hour(now = Date.now()) {
    const newest = minuteStart(now)
    return Array.from({ length: 60 }, (_, i) => {
      const m = newest - (59 - i) * 60_000
      const p = this.minutes.get(m) ?? { netSales: 0, transactions: 0 }
      return { minute: shanghaiIso(m), ...p }
    })
  }

  common(now = Date.now()) {
    return {
      scope: 'store',
      storeId: this.storeId,
      epoch: this.epoch,
      seq: this.seq,
      date: shanghaiIso(now).slice(0, 10),
      at: shanghaiIso(now),
      figures: this.figures(),
      topCategories: [...this.categories].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([category, netSales]) => ({ category, netSales })),
      tierMix: [...this.tiers].map(([tier, v]) => ({ tier, ...v })).sort((a, b) => b.grossSales - a.grossSales),
    }
  }

  snapshot(now = Date.now()) {
    return { ...this.common(now), timeZone: 'Asia/Shanghai', minutes: this.hour(now), lanes: [...this.lanes.values()].sort((a, b) => a.laneId.localeCompare(b.laneId)), stores: [], activity: this.activity }
  }

  takeUpdate(now = Date.now()) {
    this.seq += 1
    const update = {
      ...this.common(now),
      minutes: [...this.changedMinutes].sort().map((m) => ({ minute: shanghaiIso(m), ...this.minutes.get(m) })),
      lanes: [...this.changedLanes].map((id) => this.lanes.get(id)),
      stores: [],
      activity: this.newActivity,
    }
    this.changedMinutes.clear()
    this.changedLanes.clear()
    this.newActivity = []
    return update
  }
}

export function chainSnapshot(stores, now = Date.now()) {
  const all = [...stores.values()]
  const sum = (k) => all.reduce((a, s) => a + s.figures()[k], 0)
  const keys = Object.keys(all[0].figures())
  const figures = Object.fromEntries(keys.map((k) => [k, sum(k)]))
  figures.averageBasket = figures.transactions ? Math.floor(figures.grossSales / figures.transactions) : 0
  figures.memberShareBasisPoints = figures.grossSales ? Math.floor((figures.memberSales * 10000) / figures.grossSales) : 0
  const hours = all.map((s) => s.hour(now))
  const minutes = hours[0].map((p, i) => ({ minute: p.minute, netSales: hours.reduce((a, h) => a + h[i].netSales, 0), transactions: hours.reduce((a, h) => a + h[i].transactions, 0) }))
  const categories = new Map()
  all.forEach((s) => s.categories.forEach((v, k) => categories.set(k, (categories.get(k) ?? 0) + v)))
  const tiers = new Map()
  all.forEach((s) => s.tiers.forEach((v, k) => {
    const t = tiers.get(k) ?? { transactions: 0, grossSales: 0 }
    tiers.set(k, { transactions: t.transactions + v.transactions, grossSales: t.grossSales + v.grossSales })
  }))
  return {
    scope: 'chain',
    storeId: null,
    epoch: 'mock-chain',
    seq: Date.now(),
    date: shanghaiIso(now).slice(0, 10),
    timeZone: 'Asia/Shanghai',
    at: shanghaiIso(now),
    figures,
    minutes,
    topCategories: [...categories].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([category, netSales]) => ({ category, netSales })),
    tierMix: [...tiers].map(([tier, v]) => ({ tier, ...v })).sort((a, b) => b.grossSales - a.grossSales),
    lanes: [],
    stores: all.map((s) => { const f = s.figures(); return { storeId: s.storeId, netSales: f.netSales, transactions: f.transactions, memberShareBasisPoints: f.memberShareBasisPoints, lanesOnline: f.lanesOnline, lanesTotal: f.lanesTotal } }).sort((a, b) => b.netSales - a.netSales),
    activity: all.flatMap((s) => s.activity).sort((a, b) => b.at.localeCompare(a.at)).slice(0, 20),
  }
}
