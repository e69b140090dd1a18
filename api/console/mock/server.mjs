// A stand-in for the OrleansLoyalty api while it is being built: the REST paths the console uses
// (per the contract), the dashboard hub over server-sent events, and the built console at /console/.
// Not shipped: the console itself only ever calls the real api paths.
//
//   npm run build && npm run mock            # http://127.0.0.1:5091/console/  (admin / admin123, manager / manager123)
//                                            # members: /console/me/login  (13812345678 / member123; SMS codes print here)
//   MOCK_PORT=5092 MOCK_SIMULATE=0 npm run mock
//   LOYALTY_E2E_SMS_DIR=/tmp/sms npm run mock  # SMS codes also in /tmp/sms/sms.jsonl, as the browser tests read them
//   MOCK_CONSOLE_DIR=/tmp/console npm run mock # serves a console built elsewhere (vite build --outDir /tmp/console)
//   MOCK_TOKEN_SECONDS=30 npm run mock         # short-lived tokens: the console renews them every 25 s (POST /auth/refresh)
//   MOCK_NOTIFY_CHANNELS=sms,email MOCK_WECHAT_BIND_BY=code npm run mock  # a chain without WeChat reminders, binding only in the mini-program
//
// Demo data beyond the dashboard: stores s001–s003 (GET/PUT /stores); the member 13812345678's purchases and a return,
// with their receipts (GET /members/{id}/purchases); limited rewards RW-MOONCAKE (3 left) and RW-UMBRELLA (sold out).

import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deviceRoute, deviceToken } from './devices.mjs'
import { StoreFigures, chainSnapshot } from './figures.mjs'
import { memberRoute, registrationRoute, resolveMember } from './members.mjs'
import { invalid, signInRoute } from './memberSignIn.mjs'
import { paymentPinRoute } from './paymentPin.mjs'
import { earn, issueCoupon, members, phones, saveTemplate, templates, view } from './memberStore.mjs'
import { priceLines, purchaseRoute, recordPurchase, saleReceipt } from './purchases.mjs'
import { recordMember, recordSale, reportRoute } from './reports.mjs'
import { renewalRoute } from './renewal.mjs'
import { isLive } from './sessions.mjs'
import { MockHub, json } from './signalr.mjs'
import { staffRoute, staffToken } from './staff.mjs'
import { storeDirectoryRoute, storeRoute } from './stores.mjs'

const PORT = Number(process.env.MOCK_PORT ?? 5091)
const ADMIN_PASSWORD = process.env.LOYALTY_E2E_ADMIN_PASSWORD ?? 'admin123'
const WWW = process.env.MOCK_CONSOLE_DIR ? resolve(process.env.MOCK_CONSOLE_DIR) : fileURLToPath(new URL('../../OrleansLoyalty.Api/wwwroot/console/', import.meta.url))


const stores = new Map(['s001', 's002', 's003'].map((id) => [id, new StoreFigures(id)]))
const store = (id) => stores.get(id) ?? stores.set(id, new StoreFigures(id)).get(id)
const CATEGORIES = ['食品', '生鲜', '日用品', '酒水饮料', '粮油调味', '个护清洁', '母婴', '家电']
const TIERS = ['standard', 'silver', 'gold']


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

/** The caller's claims; null without a token, or with one that was revoked (as a 401 from the api). */
function session(req, url) {
  const raw = req.headers.authorization?.replace(/^Bearer /, '') ?? url.searchParams.get('access_token') ?? ''
  try {
    const claims = JSON.parse(Buffer.from(raw.split('.')[1], 'base64url').toString())
    return isLive(claims) ? claims : null
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

function onRegistered(memberId, storeId, channel) {
  store(storeId).memberRegistered(memberId)
  recordMember({ memberId, storeId, channel })
  dirty.add(storeId)
}

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
    const input = ['POST', 'PUT', 'PATCH'].includes(method) ? JSON.parse((await body(req)) || '{}') : {}
    if (api === '/auth/token' && method === 'POST') {
      const answer = input.clientId != null ? deviceToken(input) : staffToken(input)
      return answer ? json(res, 200, answer) : problem(res, 401, 'auth.invalid_credentials', 'Invalid credentials')
    }
    const who = session(req, url)
    if (renewalRoute(api, method, who, res)) return
    // Registration and member sign-in are anonymous (a lane or staff may register a member too).
    if (signInRoute(api, method, input, res)) return
    if (registrationRoute(api, method, input, who, res, onRegistered)) return
    if (storeDirectoryRoute(api, method, res)) return
    if (!who) return problem(res, 401, 'auth.unauthorized', 'Unauthorized')
    if (paymentPinRoute(api, method, input, who, res)) return
    if (memberRoute(api, method, url, input, who, res)) return
    // The member's own purchases, or staff of the member's store (MemberPurchasesApi).
    if (purchaseRoute(api, method, url, who, res)) return
    // A member's token reaches their own data and nothing else: no staff endpoint, no report but their analysis.
    if (who.role.includes('member') && api !== `/members/${who.sub}/analysis`) return problem(res, 403, 'auth.forbidden', 'Forbidden')
    if (reportRoute(api, method, url, who, res)) return
    if (staffRoute(api, method, input, who, res)) return
    if (deviceRoute(api, method, input, who, res)) return
    if (storeRoute(api, method, input, who, res)) return

    let m
    if (api === '/members' && method === 'GET') {
      const id = phones.get(url.searchParams.get('phone'))
      return id ? json(res, 200, [{ memberId: id }]) : problem(res, 404, 'member.not_found', 'Member not found')
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
    if (api === '/coupon-templates' && method === 'GET') return json(res, 200, [...templates.values()])
    if (api === '/coupon-templates' && method === 'POST') {
      // Like CouponTemplateValidator: a points price of 1–1,000,000, and never on a public code; a stock (限量) of
      // 1–100,000, only with a points price.
      const price = input.pointsPrice
      if (price != null && (!Number.isSafeInteger(price) || price < 1 || price > 1_000_000)) return invalid(res, { pointsPrice: ['pointsPrice must be between 1 and 1000000'] })
      const stock = input.rewardStock
      if (stock != null && (!Number.isSafeInteger(stock) || stock < 1 || stock > 100_000 || price == null)) {
        return invalid(res, { rewardStock: ['rewardStock must be between 1 and 100000, for a template with a pointsPrice'] })
      }
      if (price != null && input.public) return invalid(res, { pointsPrice: ['pointsPrice belongs to member coupons: a public code is not bought'] })
      if (templates.has(input.templateId)) return problem(res, 409, 'coupon_template.exists', `A coupon template ${input.templateId} exists already.`)
      // Kept, so the coupons issued from it carry its terms (GET /members/{id}/coupons), and listed (GET /coupon-templates, /rewards).
      return json(res, 201, saveTemplate(input))
    }
    if ((m = /^\/coupon-templates\/([^/]+)\/issue$/.exec(api))) {
      const ids = (input.memberIds ?? [...members.keys()]).filter((id) => members.has(id))
      const templateId = decodeURIComponent(m[1])
      return json(res, 200, { issued: ids.map((memberId) => ({ memberId, code: issueCoupon(memberId, { templateId, name: templates.get(templateId)?.name || templateId }) })) })
    }
    if (api === '/checkout/quote' || api === '/checkout/commit') {
      // Priced from the lane's lines (or the store's catalog): no discounts in the mock.
      const lines = priceLines(input.storeId, input.lines)
      const total = lines.reduce((a, l) => a + l.net, 0)
      const memberId = resolveMember(input.member)
      if (input.member && !memberId) return problem(res, 404, 'member.not_found', 'Member not found')
      if (api === '/checkout/quote') {
        return json(res, 200, { quoteId: 'Q1', lines, discounts: [], subtotal: total, discountTotal: 0, pointsRedeemed: 0, pointsValue: 0, total, pointsToEarn: memberId ? Math.floor(total / 100) : 0 })
      }
      const tier = memberId ? members.get(memberId).tier : null
      const wallet = memberId ? earn(memberId, { txnId: input.txnId, total, storeId: input.storeId }) : { pointsEarned: 0 }
      const profile = memberId ? view(members.get(memberId)) : null
      const receipt = saleReceipt({
        txnId: input.txnId, storeId: input.storeId, laneId: input.laneId, lines, tenders: input.tenders,
        member: profile && { memberId, displayName: `${profile.name.slice(0, 1)}*`, tier: profile.tier, pointsBalance: profile.points.balance, storedValueBalance: profile.storedValue },
        wallet: { ...wallet, storedValueBalance: profile?.storedValue ?? null },
      })
      if (memberId) recordPurchase(memberId, 'sale', receipt)
      commitSale(input.storeId, { txnId: input.txnId, laneId: input.laneId, total, memberId, tier, categories: { 食品: total }, points: receipt.pointsEarned })
      recordSale({ storeId: input.storeId, memberId, total, points: receipt.pointsEarned })
      return json(res, 200, { quoteId: 'Q1', ...receipt })
    }
    return problem(res, 404, 'request.not_found', 'Not found')
  } catch (error) {
    console.error(error)
    if (!res.headersSent) problem(res, 400, 'request.invalid', String(error))
  }
}).listen(PORT, '127.0.0.1', () => console.log(`mock api on http://127.0.0.1:${PORT}/console/ (admin / ${ADMIN_PASSWORD})`))
