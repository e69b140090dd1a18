// Head office's staff accounts (StaffApi.cs, StaffRules.cs) and a staff member changing their own password
// (AuthApi.cs): admins only but for the latter, refusals with the api's codes, tokens ended on every change.

import { TOKEN_SECONDS, revoke, token } from './sessions.mjs'
import { json } from './signalr.mjs'

const ADMIN_PASSWORD = process.env.LOYALTY_E2E_ADMIN_PASSWORD ?? 'admin123'
const STORE_ID = /^[A-Za-z0-9_-]{1,32}$/
const accounts = new Map()

function add(username, password, roles, storeIds) {
  accounts.set(username, { username, password, roles, storeIds, createdAt: new Date().toISOString(), disabled: false, disabledAt: null })
}
add('admin', ADMIN_PASSWORD, ['admin'], [])
add('manager', 'manager123', ['manager'], ['s001'])

const view = ({ password, ...account }) => account
const problem = (res, status, code, detail, errors) => json(res, status, { type: 'about:blank', status, title: 'The request was refused.', code, detail, ...(errors ? { errors } : {}) })
const invalid = (res, errors) => problem(res, 400, 'request.invalid', 'The request is not valid.', errors)

function passwordErrors(errors, field, password) {
  if (typeof password !== 'string' || !password) (errors[field] ??= []).push('is required')
  else if (password.length < 10) (errors[field] ??= []).push('must be at least 10 characters')
  return errors
}

function rolesAndStoresErrors(errors, roles, storeIds) {
  if (!Array.isArray(roles) || roles.length === 0 || roles.some((r) => r !== 'admin' && r !== 'manager')) errors.roles = ['must name one or more of: admin, manager']
  ;(storeIds ?? []).forEach((s, i) => !STORE_ID.test(s ?? '') && (errors[`storeIds[${i}]`] = ['must be 1–32 characters of A–Z, a–z, 0–9, _ -']))
  if (roles?.includes('manager') && !roles.includes('admin') && !storeIds?.length) errors.storeIds = ['a manager needs at least one store']
  return errors
}

/** Whether the change would leave the chain without an enabled administrator (StaffDirectory.Guarded). */
function lastAdmin(account, removesAdmin) {
  const enabledAdmins = [...accounts.values()].filter((a) => a.roles.includes('admin') && !a.disabled).length
  return removesAdmin && account.roles.includes('admin') && !account.disabled && enabledAdmins <= 1
}

const answer = (account, at) =>
  ({ accessToken: token(account.username, account.roles, account.storeIds, { at }), tokenType: 'Bearer', expiresIn: TOKEN_SECONDS, roles: account.roles })

/** POST /auth/token with a username and password: the token answer, or null. A disabled account cannot sign in. */
export function staffToken({ username, password }) {
  const account = accounts.get(username)
  if (!account || account.disabled || account.password !== password) return null
  return answer(account)
}

/**
 * POST /auth/refresh for staff: a fresh token with today's roles and stores, the session's start kept (`at`); null
 * for an account that is gone or disabled meanwhile.
 */
export function renewStaffToken(who) {
  const account = accounts.get(who.sub)
  return !account || account.disabled ? null : answer(account, who.at)
}

/** POST /auth/password and /staff…; false for any other path. */
export function staffRoute(api, method, input, who, res) {
  if (api === '/auth/password' && method === 'POST') {
    const account = accounts.get(who.sub)
    const errors = passwordErrors({}, 'newPassword', input.newPassword)
    if (typeof input.currentPassword !== 'string' || !input.currentPassword) errors.currentPassword = ['is required']
    if (Object.keys(errors).length) return invalid(res, errors), true
    if (!account || account.password !== input.currentPassword) return problem(res, 422, 'auth.wrong_password', 'The current password is wrong.'), true
    account.password = input.newPassword
    // Every session of the account ends, this one included: the answer is the token this one goes on with.
    revoke(account.username, account.roles)
    return json(res, 200, staffToken({ username: account.username, password: account.password })), true
  }
  let m
  if (!(m = /^\/staff(?:\/([^/]+))?(\/disable|\/enable|\/password)?$/.exec(api))) return false
  if (!who.role.includes('admin')) return problem(res, 403, 'auth.forbidden', 'Only head office manages staff accounts.'), true
  const username = m[1] && decodeURIComponent(m[1])
  if (!username) {
    if (method === 'GET') return json(res, 200, [...accounts.values()].sort((a, b) => (a.username < b.username ? -1 : 1)).map(view)), true
    if (method !== 'POST') return false
    const errors = rolesAndStoresErrors(passwordErrors({}, 'password', input.password), input.roles, input.storeIds)
    if (typeof input.username !== 'string' || !input.username || input.username.length > 64) errors.username = ['is required (at most 64 characters)']
    if (Object.keys(errors).length) return invalid(res, errors), true
    if (accounts.has(input.username)) return problem(res, 409, 'staff.exists', `A staff account named '${input.username}' already exists.`), true
    add(input.username, input.password, [...new Set(input.roles)], [...new Set(input.storeIds ?? [])])
    const { username: name, roles, storeIds } = accounts.get(input.username)
    return json(res, 201, { username: name, roles, storeIds }), true
  }
  const account = accounts.get(username)
  if (!account) return problem(res, 404, 'staff.not_found', `No staff account '${username}'.`), true
  const action = m[2] ?? ''
  if (action === '' && method === 'PATCH') {
    const errors = rolesAndStoresErrors({}, input.roles, input.storeIds)
    if (Object.keys(errors).length) return invalid(res, errors), true
    if (lastAdmin(account, !input.roles.includes('admin'))) return problem(res, 409, 'staff.last_admin', `'${username}' is the only enabled administrator: make another one first.`), true
    revoke(username, account.roles)
    Object.assign(account, { roles: [...new Set(input.roles)], storeIds: [...new Set(input.storeIds ?? [])] })
    return json(res, 200, view(account)), true
  }
  if (action === '/disable' && method === 'POST') {
    if (username === who.sub) return problem(res, 409, 'staff.self', 'You cannot disable your own account: ask another administrator.'), true
    if (lastAdmin(account, true)) return problem(res, 409, 'staff.last_admin', `'${username}' is the only enabled administrator: make another one first.`), true
    Object.assign(account, { disabled: true, disabledAt: new Date().toISOString() })
    revoke(username, account.roles)
    return json(res, 200, view(account)), true
  }
  if (action === '/enable' && method === 'POST') return Object.assign(account, { disabled: false, disabledAt: null }), json(res, 200, view(account)), true
  if (action === '/password' && method === 'PUT') {
    const errors = passwordErrors({}, 'password', input.password)
    if (Object.keys(errors).length) return invalid(res, errors), true
    account.password = input.password
    revoke(username, account.roles)
    return res.writeHead(204).end(), true
  }
  return false
}
