// The chain's stores and their catalogs (StoresApi.cs): GET /stores (every store for head office, a manager's own),
// PUT /stores/{storeId} (head office, or a manager of that store; the time zone must be an IANA name),
// PUT /stores/{storeId}/products, whose names the mock's receipts print, and the anonymous GET /store-directory.

import { json } from './signalr.mjs'

const STORE_ID = /^[A-Za-z0-9_-]{1,32}$/
/** By id: { storeId, name, timeZone, region }. */
export const stores = new Map()
/** By store, then sku: { sku, barcode, name, categoryPath, price }. */
const catalogs = new Map()

const problem = (res, status, code, detail, errors) => json(res, status, { type: 'about:blank', status, title: 'The request was refused.', code, detail, ...(errors ? { errors } : {}) })
const view = ({ storeId, name, timeZone, region }) => ({ storeId, name, timeZone, region: region ?? null })
const mayActFor = (who, storeId) => who.role.includes('admin') || who.store?.includes(storeId)

for (const [storeId, name] of [['s001', '人民广场店'], ['s002', '徐家汇店'], ['s003', '陆家嘴店']]) {
  stores.set(storeId, { storeId, name, timeZone: 'Asia/Shanghai', region: '华东' })
}

/** Like StoresApi.IsIanaZone: an Area/Location name (or UTC) that the runtime knows. */
function isIanaZone(zone) {
  if (typeof zone !== 'string' || !(zone.includes('/') || zone === 'UTC')) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** The store's name, or null for a store nobody set up (as GET /members/{id}/purchases lists it). */
export const storeName = (storeId) => stores.get(storeId)?.name ?? null

/** Whether the store was set up: a shopper may pick only such a store as their home store. */
export const isStore = (storeId) => stores.has(storeId)

/** A product of the store's catalog, if it was uploaded. */
export const product = (storeId, sku) => catalogs.get(storeId)?.get(sku) ?? null

/** GET /store-directory, for anyone (no token): every store's id, name and region, for registration's home-store picker. */
export function storeDirectoryRoute(api, method, res) {
  if (api !== '/store-directory' || method !== 'GET') return false
  const directory = [...stores.values()].sort((a, b) => (a.storeId < b.storeId ? -1 : 1)).map(({ storeId, name, region }) => ({ storeId, name, region: region ?? null }))
  res.setHeader('Cache-Control', 'public, max-age=60')
  json(res, 200, directory)
  return true
}

/** GET /stores, PUT /stores/{storeId} and PUT /stores/{storeId}/products; false for any other path. */
export function storeRoute(api, method, input, who, res) {
  if (api === '/stores' && method === 'GET') {
    if (!who.role.some((r) => r === 'admin' || r === 'manager')) return problem(res, 403, 'auth.forbidden', 'Only staff list the stores.'), true
    return json(res, 200, [...stores.values()].filter((s) => mayActFor(who, s.storeId)).sort((a, b) => (a.storeId < b.storeId ? -1 : 1)).map(view)), true
  }
  const m = /^\/stores\/([^/]+)(\/products)?$/.exec(api)
  if (!m || method !== 'PUT') return false
  const storeId = decodeURIComponent(m[1])
  const errors = {}
  if (!STORE_ID.test(storeId)) errors.storeId = ['must be 1–32 characters of A–Z, a–z, 0–9, _ -']
  if (m[2]) {
    if (!Array.isArray(input)) errors.products = ['is required: an array of products']
    if (Object.keys(errors).length) return problem(res, 400, 'request.invalid', 'The request is not valid.', errors), true
    if (!mayActFor(who, storeId)) return problem(res, 403, 'auth.forbidden_store', `This credential may not act for store '${storeId}'.`), true
    const catalog = catalogs.get(storeId) ?? catalogs.set(storeId, new Map()).get(storeId)
    for (const p of input) if (p?.sku) catalog.set(p.sku, p)
    return json(res, 200, { storeId, upserted: input.length }), true
  }
  const name = typeof input.name === 'string' ? input.name.trim() : ''
  if (!name) errors.name = ['is required']
  else if (name.length > 100) errors.name = ['must be at most 100 characters']
  if (input.timeZone == null || input.timeZone === '') errors.timeZone = ['is required']
  else if (!isIanaZone(input.timeZone)) errors.timeZone = ['must be an IANA time zone such as Asia/Shanghai']
  if (input.region != null && (typeof input.region !== 'string' || input.region.length > 50)) errors.region = ['must be at most 50 characters']
  if (Object.keys(errors).length) return problem(res, 400, 'request.invalid', 'The request is not valid.', errors), true
  if (!mayActFor(who, storeId)) return problem(res, 403, 'auth.forbidden_store', `This credential may not act for store '${storeId}'.`), true
  stores.set(storeId, { storeId, name, timeZone: input.timeZone, region: input.region || null })
  return json(res, 200, view(stores.get(storeId))), true
}
