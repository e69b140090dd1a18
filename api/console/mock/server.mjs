// A stand-in for the OrleansLoyalty api while it is being built: the REST paths the console uses
// (per the contract), the dashboard hub over server-sent events, and the built console at /console/.
// Not shipped: the console itself only ever calls the real api paths.
//
//   npm run build && npm run mock            # http://127.0.0.1:5091/console/  (admin / admin123)
//   MOCK_PORT=5092 MOCK_SIMULATE=0 npm run mock

import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StoreFigures, chainSnapshot, shanghaiIso } from './figures.mjs'
import { recordMember, recordSale, reportRoute } from './reports.mjs'
import { MockHub, json } from './signalr.mjs'

const PORT = Number(process.env.MOCK_PORT ?? 5091)
const ADMIN_PASSWORD = process.env.LOYALTY_E2E_ADMIN_PASSWORD ?? 'admin123'
const WWW = fileURLToPath(new URL('../../OrleansLoyalty.Api/wwwroot/console/', import.meta.url))

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url')
const token = (sub, role, store) => `${b64({ alg: 'none' })}.${b64({ sub, role, store, exp: Math.floor(Date.now() / 1000) + 8 * 3600 })}.mock`
const staff = { admin: { password: ADMIN_PASSWORD, role: ['admin'], store: [] }, manager: { password: 'manager123', role: ['manager'], store: ['s001'] } }

const stores = new Map(['s001', 's002', 's003'].map((id) => [id, new StoreFigures(id)]))
const store = (id) => stores.get(id) ?? stores.set(id, new StoreFigures(id)).get(id)
const CATEGORIES = ['食品', '生鲜', '日用品', '酒水饮料', '粮油调味', '个护清洁', '母婴', '家电']
const TIERS = ['standard', 'silver', 'gold']

const members = new Map()
const phones = new Map()
const ledgers = new Map()
function addMember({ memberId, phone, name, tier = 'standard', storeId = 's001' }) {
  members.set(memberId, {
    memberId, name, phone, email: `${memberId}@example.com`, registeredAt: shanghaiIso(Date.now() - 86400_000 * 200), storeId, tier,
    tierProgress: { spend12m: 356_800, visits12m: 31, nextTier: tier === 'gold' ? null : 'gold', spendToNextTier: tier === 'gold' ? null : 443_200 },
    points: { balance: 3580, expiring: [{ points: 1200, on: '2026-12-31' }, { points: 2380, on: '2027-12-31' }] },
    storedValue: 52_000, coupons: 2,
  })
  phones.set(phone, memberId)
  ledgers.set(memberId, [
    { txnId: 'T20261120-0031', kind: 'earn', points: 128, balanceAfter: 3580, at: '2026-11-20T18:22:10+08:00', storeId },
    { txnId: 'T20261118-0107', kind: 'storedValueSpend', amount: -12_800, balanceAfter: 52_000, at: '2026-11-18T10:05:44+08:00', storeId },
    { txnId: 'U20261101-0002', kind: 'storedValueTopUp', amount: 50_000, balanceAfter: 64_800, at: '2026-11-01T09:12:00+08:00', storeId },
    { txnId: 'T20261028-0044', kind: 'burn', points: -500, balanceAfter: 3452, at: '2026-10-28T19:40:03+08:00', storeId },
  ])
}
addMember({ memberId: 'M000123', phone: '13812345678', name: '张晓梅', tier: 'silver' })

const campaigns = new Map([
  ['WED-MEMBER-DAY', { campaignId: 'WED-MEMBER-DAY', name: '周三会员日 九折', kind: 'percentOff', status: 'active', schedule: { from: '2026-01-01T00:00:00+08:00', to: '2026-12-31T23:59:59+08:00', weekdays: [3] }, reward: { percent: 10 } }],
  ['FRUIT-2X', { campaignId: 'FRUIT-2X', name: '水果双倍积分', kind: 'pointsMultiplier', status: 'paused', schedule: { from: '2026-11-01T00:00:00+08:00', to: '2026-11-30T23:59:59+08:00' }, reward: { multiplier: 2 } }],
])

const hub = new MockHub(async (c, target, args) => {
  if (target === 'JoinStore') {
    const [id] = args
    const session = c.session
    if (session && !session.role.includes('admin') && !session.store.includes(id)) throw new Error('auth.forbidden_store')
    c.groups.add(`store:${id}`)
    hub.invoke(c, 'Snapshot', store(id).snapshot())
  } else if (target === 'JoinChain') {
    c.groups.add('chain')
    hub.invoke(c, 'Snapshot', chainSnapshot(stores))
  } else if (target === 'LeaveStore') c.groups.delete(`store:${args[0]}`)
  else if (target === 'LeaveChain') c.groups.delete('chain')
})

// Like the api: at most one update per store per 250 ms.
const dirty = new Set()
setInterval(() => {
  for (const id of dirty) hub.group(`store:${id}`, 'Update', store(id).takeUpdate())
  if (dirty.size) hub.group('chain', 'Update', { ...chainSnapshot(stores), stores: chainSnapshot(stores).stores })
  dirty.clear()
}, 250)

function commitSale(storeId, sale) {
  store(storeId).sale(sale)
  dirty.add(storeId)
}

let txn = 0
function simulate() {
  for (const [id] of stores) {
    if (Math.random() < 0.5) continue
    const total = 500 + Math.floor(Math.random() * 30_000)
    const member = Math.random() < 0.62
    const [c1, c2] = [CATEGORIES[Math.floor(Math.random() ** 1.6 * CATEGORIES.length)], CATEGORIES[Math.floor(Math.random() * CATEGORIES.length)]]
    const share = Math.floor(total * 0.6)
    commitSale(id, {
      txnId: `SIM${++txn}`, laneId: String(1 + Math.floor(Math.random() * 6)).padStart(2, '0'), total, discount: Math.floor(total / 20),
      memberId: member ? `M${txn}` : null, tier: member ? TIERS[Math.floor(Math.random() ** 1.5 * 3)] : null,
      categories: c1 === c2 ? { [c1]: total } : { [c1]: share, [c2]: total - share }, points: member ? Math.floor(total / 100) : 0,
    })
  }
}
// A morning's trade so the screens are not empty.
for (let i = 0; i < 240; i++) simulate()
if (process.env.MOCK_SIMULATE !== '0') setInterval(simulate, 900)

async function body(req) {
  let text = ''
  for await (const chunk of req) text += chunk
  return text
}

function session(req, url) {
  const raw = req.headers.authorization?.replace(/^Bearer /, '') ?? url.searchParams.get('access_token') ?? ''
  try {
    return JSON.parse(Buffer.from(raw.split('.')[1], 'base64url').toString())
  } catch {
    return null
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.woff': 'font/woff' }
async function serveConsole(path, res) {
  const relative = normalize(path.replace(/^\/console\/?/, '')).replace(/^(\.\.[/\\])+/, '')
  for (const candidate of [relative || 'index.html', 'index.html']) {
    try {
      const file = await readFile(join(WWW, candidate))
      res.writeHead(200, { 'Content-Type': TYPES[extname(candidate)] ?? 'application/octet-stream' })
      return res.end(file)
    } catch {
      if (extname(relative) && candidate === relative) break
    }
  }
  res.writeHead(404).end('console not built: npm run build')
}

const problem = (res, status, code, title) => json(res, status, { type: 'about:blank', status, title, code })

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`)
  const path = url.pathname
  const method = req.method
  try {
    if (path === '/' ) return res.writeHead(302, { Location: '/console/' }).end()
    if (path.startsWith('/console')) return serveConsole(path, res)
    if (path === '/hubs/dashboard/negotiate' && method === 'POST') {
      const who = session(req, url)
      if (!who) return res.writeHead(401).end()
      hub.negotiate(res)
      return
    }
    if (path === '/hubs/dashboard') {
      const id = url.searchParams.get('id')
      const c = hub.connections.get(id)
      if (c && !c.session) c.session = session(req, url)
      if (method === 'GET') return hub.stream(id, res)
      if (method === 'POST') return hub.receive(id, await body(req), res)
      if (method === 'DELETE') return hub.close(id, res)
    }
    if (!path.startsWith('/api/v1/')) return problem(res, 404, 'request.not_found', 'Not found')
    const api = path.slice('/api/v1'.length)
    const input = method === 'POST' || method === 'PUT' ? JSON.parse((await body(req)) || '{}') : {}
    if (api === '/auth/token' && method === 'POST') {
      const account = staff[input.username]
      if (!account || account.password !== input.password) return problem(res, 401, 'auth.invalid_credentials', 'Invalid credentials')
      return json(res, 200, { accessToken: token(input.username, account.role, account.store), tokenType: 'Bearer', expiresIn: 28800, roles: account.role })
    }
    const who = session(req, url)
    if (!who) return problem(res, 401, 'auth.unauthorized', 'Unauthorized')
    if (reportRoute(api, method, url, who, res)) return

    let m
    if (api === '/members' && method === 'GET') {
      const id = phones.get(url.searchParams.get('phone'))
      return id ? json(res, 200, [{ memberId: id }]) : problem(res, 404, 'member.not_found', 'Member not found')
    }
    if (api === '/members' && method === 'POST') {
      const memberId = `M${String(members.size + 124).padStart(6, '0')}`
      addMember({ memberId, phone: input.phone, name: input.name, storeId: input.storeId })
      ledgers.set(memberId, [])
      store(input.storeId ?? 's001').memberRegistered(memberId)
      recordMember({ memberId, storeId: input.storeId ?? 's001', channel: input.channel })
      dirty.add(input.storeId ?? 's001')
      return json(res, 201, { memberId, tier: 'standard', points: 100 })
    }
    if ((m = /^\/members\/([^/]+)$/.exec(api))) {
      const member = members.get(m[1])
      return member ? json(res, 200, member) : problem(res, 404, 'member.not_found', 'Member not found')
    }
    if ((m = /^\/members\/([^/]+)\/coupons$/.exec(api))) {
      return json(res, 200, [{ code: 'C-7KQ2-91XZ', templateId: 'WELCOME-10-50', status: 'active', validTo: '2026-12-21T23:59:59+08:00' }, { code: 'C-2MX8-44PL', templateId: 'BDAY-20-100', status: 'used', validTo: '2026-10-31T23:59:59+08:00' }])
    }
    if ((m = /^\/members\/([^/]+)\/cards$/.exec(api))) return json(res, 200, [{ cardNo: '8800012345', status: 'active', balance: 52_000, expiresOn: '2029-11-30' }])
    if ((m = /^\/members\/([^/]+)\/ledger$/.exec(api))) return json(res, 200, { items: ledgers.get(m[1]) ?? [], nextCursor: null })
    if ((m = /^\/cards\/([^/]+)$/.exec(api))) {
      return m[1] === '8800012345' ? json(res, 200, { cardNo: m[1], status: 'active', memberId: 'M000123', balance: 52_000, expiresOn: '2029-11-30' }) : problem(res, 404, 'card.not_found', 'Card not found')
    }
    if (api === '/campaigns' && method === 'GET') return json(res, 200, [...campaigns.values()])
    if (api === '/campaigns' && method === 'POST') {
      const campaign = { ...input, status: 'active' }
      campaigns.set(input.campaignId, campaign)
      return json(res, 201, campaign)
    }
    if ((m = /^\/campaigns\/([^/]+)\/(pause|resume)$/.exec(api))) {
      const campaign = campaigns.get(decodeURIComponent(m[1]))
      if (!campaign) return problem(res, 404, 'campaign.not_found', 'Campaign not found')
      campaign.status = m[2] === 'pause' ? 'paused' : 'active'
      return json(res, 200, campaign)
    }
    if (api === '/coupon-templates' && method === 'POST') return json(res, 201, input)
    if ((m = /^\/coupon-templates\/([^/]+)\/issue$/.exec(api))) {
      const ids = input.memberIds ?? [...members.keys()]
      return json(res, 200, { issued: ids.map((memberId, i) => ({ memberId, code: `C-MOCK-${i}` })) })
    }
    if ((m = /^\/stores\/([^/]+)(\/products)?$/.exec(api)) && method === 'PUT') return json(res, 200, {})
    if (api === '/checkout/quote' || api === '/checkout/commit') {
      const total = (input.lines ?? []).reduce((a, l) => a + (l.unitPrice ?? 1250) * (l.qty ?? 1), 0)
      if (api === '/checkout/commit') {
        const memberId = input.member?.memberId ?? (input.member?.phone ? phones.get(input.member.phone) : null) ?? null
        commitSale(input.storeId, { txnId: input.txnId, laneId: input.laneId, total, memberId, tier: memberId ? members.get(memberId)?.tier : null, categories: { 食品: total }, points: memberId ? Math.floor(total / 100) : 0 })
        recordSale({ storeId: input.storeId, memberId, total, points: memberId ? Math.floor(total / 100) : 0 })
        if (memberId) ledgers.get(memberId)?.unshift({ txnId: input.txnId, kind: 'earn', points: Math.floor(total / 100), balanceAfter: 0, at: shanghaiIso(Date.now()), storeId: input.storeId })
      }
      return json(res, 200, { quoteId: 'Q1', txnId: input.txnId, subtotal: total, discountTotal: 0, total, committedAt: shanghaiIso(Date.now()) })
    }
    return problem(res, 404, 'request.not_found', 'Not found')
  } catch (error) {
    console.error(error)
    if (!res.headersSent) problem(res, 400, 'request.invalid', String(error))
  }
}).listen(PORT, '127.0.0.1', () => console.log(`mock api on http://127.0.0.1:${PORT}/console/ (admin / ${ADMIN_PASSWORD})`))
