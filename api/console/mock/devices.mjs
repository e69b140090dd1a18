// A store's lane and gateway credentials (DevicesApi.cs): head office for any store, a manager for their own (403
// auth.forbidden_store for another); the secret shown once, issuing again replaces the old credentials, revoking
// ends the device's tokens; and a device's own sign-in with them.

import { randomBytes } from 'node:crypto'
import { revoke, token } from './sessions.mjs'
import { json } from './signalr.mjs'

const STORE_ID = /^[A-Za-z0-9_-]{1,32}$/
/** Auth:DeviceTokenMinutes: a lane signs in for a shift. */
const DEVICE_SECONDS = 12 * 3600
/** By store, then device id: { deviceId, clientId, secret, role, createdAt, disabled, disabledAt }. */
const stores = new Map()

const devicesOf = (storeId) => stores.get(storeId) ?? stores.set(storeId, new Map()).get(storeId)
const view = ({ secret, ...device }) => device
const list = (storeId) => [...devicesOf(storeId).values()].sort((a, b) => (a.deviceId < b.deviceId ? -1 : 1)).map(view)
const mayActFor = (who, storeId) => who.role.includes('admin') || who.store?.includes(storeId)
const problem = (res, status, code, detail, errors) => json(res, status, { type: 'about:blank', status, title: 'The request was refused.', code, detail, ...(errors ? { errors } : {}) })

function issue(storeId, deviceId, role) {
  const devices = devicesOf(storeId)
  const previous = devices.get(deviceId)
  if (previous) revoke(previous.clientId, [previous.role])
  const device = {
    deviceId, clientId: `${storeId}.${deviceId}.${randomBytes(3).toString('hex')}`, secret: randomBytes(24).toString('base64url'), role,
    createdAt: new Date().toISOString(), disabled: false, disabledAt: null,
  }
  devices.set(deviceId, device)
  return device
}

// A demo store's lanes, so the tab is not empty (their secrets are never shown).
issue('s001', 'lane-01', 'lane')
issue('s001', 'lane-02', 'lane')
issue('s001', 'gateway', 'gateway')

/** POST /auth/token with a client id and secret: the token answer, or null. */
export function deviceToken({ clientId, clientSecret }) {
  for (const [storeId, devices] of stores) {
    for (const device of devices.values()) {
      if (device.clientId === clientId && !device.disabled && device.secret === clientSecret) {
        return { accessToken: token(clientId, [device.role], [storeId], { seconds: DEVICE_SECONDS }), tokenType: 'Bearer', expiresIn: DEVICE_SECONDS, roles: [device.role] }
      }
    }
  }
  return null
}

/** /stores/{storeId}/devices…; false for any other path. */
export function deviceRoute(api, method, input, who, res) {
  const m = /^\/stores\/([^/]+)\/devices(?:\/([^/]+)\/revoke)?$/.exec(api)
  if (!m) return false
  if (!who.role.some((r) => r === 'admin' || r === 'manager')) return problem(res, 403, 'auth.forbidden', 'Only staff manage device credentials.'), true
  const storeId = decodeURIComponent(m[1])
  const errors = {}
  if (!STORE_ID.test(storeId)) errors.storeId = ['must be 1–32 characters of A–Z, a–z, 0–9, _ -']
  // Like the api: the request's fields first, then whether the caller may act for the store.
  const forbidden = () => problem(res, 403, 'auth.forbidden_store', `This credential may not act for store '${storeId}'.`)
  if (m[2] && method === 'POST') {
    if (Object.keys(errors).length) return problem(res, 400, 'request.invalid', 'The request is not valid.', errors), true
    if (!mayActFor(who, storeId)) return forbidden(), true
    const device = devicesOf(storeId).get(decodeURIComponent(m[2]))
    if (!device) return problem(res, 404, 'device.not_found', `Store ${storeId} has no device ${m[2]}.`), true
    if (!device.disabled) Object.assign(device, { disabled: true, disabledAt: new Date().toISOString() })
    revoke(device.clientId, [device.role])
    return json(res, 200, list(storeId)), true
  }
  if (m[2]) return false
  if (method === 'GET') {
    if (Object.keys(errors).length) return problem(res, 400, 'request.invalid', 'The request is not valid.', errors), true
    return mayActFor(who, storeId) ? json(res, 200, list(storeId)) : forbidden(), true
  }
  if (method !== 'POST') return false
  if (!STORE_ID.test(input.deviceId ?? '')) errors.deviceId = ['must be 1–32 characters of A–Z, a–z, 0–9, _ -']
  if (input.role !== 'lane' && input.role !== 'gateway') errors.role = ['must be one of: lane, gateway']
  if (Object.keys(errors).length) return problem(res, 400, 'request.invalid', 'The request is not valid.', errors), true
  if (!mayActFor(who, storeId)) return forbidden(), true
  const device = issue(storeId, input.deviceId, input.role)
  return json(res, 201, { clientId: device.clientId, clientSecret: device.secret, storeId, deviceId: device.deviceId, role: device.role }), true
}
