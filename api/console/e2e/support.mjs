// Shared by the browser tests: the system under test, Debian's Chromium driven by playwright-core,
// and the api calls a lane would make. Nothing is downloaded: the browser is /usr/bin/chromium.

import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const BASE_URL = (process.env.LOYALTY_E2E_URL ?? '').replace(/\/+$/, '')
export const ADMIN_PASSWORD = process.env.LOYALTY_E2E_ADMIN_PASSWORD ?? ''
export const STORE_ID = process.env.LOYALTY_E2E_STORE ?? 'e2e-s01'
/** The api's SMS drop folder (Notifications:DropFolder; the mock's too when started with this variable). */
export const SMS_DIR = process.env.LOYALTY_E2E_SMS_DIR ?? ''
const SCREENSHOTS = process.env.LOYALTY_E2E_SCREENSHOTS ?? fileURLToPath(new URL('../../../TestResults/screenshots/', import.meta.url))
const CHROMIUM = process.env.LOYALTY_E2E_CHROMIUM ?? '/usr/bin/chromium'

export function requireEnvironment() {
  assert.ok(BASE_URL, 'LOYALTY_E2E_URL is not set: point it at a running OrleansLoyalty (e.g. http://127.0.0.1:5080)')
  assert.ok(ADMIN_PASSWORD, 'LOYALTY_E2E_ADMIN_PASSWORD is not set: the admin password of that system')
}

/** A fresh headless Chromium with its own empty profile, closed (and the profile removed) by the returned function. */
export async function openBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'loyalty-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const close = async () => {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
  return { page, close }
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

export async function logIn(page, username = 'admin', password = ADMIN_PASSWORD) {
  await page.goto(`${BASE_URL}/console/login`)
  await field(page, 'login-username').fill(username)
  await field(page, 'login-password').fill(password)
  await page.locator('[data-testid=login-submit]').click()
  await page.waitForURL(/\/console\/dashboard/, { timeout: 15_000 })
}

/** Element Plus puts a test id on the <input> itself; accept a wrapper too. */
export const field = (page, testId) => page.locator(`input[data-testid=${testId}], [data-testid=${testId}] input`).first()

/** Chooses a store (or types a new one) in a store selector: the header's unless another test id is given. */
export async function chooseStore(page, storeId, testId = 'store-select') {
  const select = page.locator(`[data-testid=${testId}]`)
  await select.click()
  await page.keyboard.type(storeId)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
}

export async function api(method, path, body, token) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

export async function adminToken() {
  const answer = await api('POST', '/auth/token', { username: 'admin', password: ADMIN_PASSWORD })
  assert.equal(answer.status, 200, `admin token: ${JSON.stringify(answer.body)}`)
  return answer.body.accessToken
}

const SKU = 'E2E-MILK-1L'
const PRODUCT = { sku: SKU, barcode: '6900000000017', name: '全脂纯牛奶 1L', categoryPath: ['食品', '乳制品', '牛奶'], price: 1250 }

/**
 * The store and one product, so that a checkout prices from the catalog (repeat-safe upserts). A
 * system without the catalog endpoints still takes the basket: its line carries price and category.
 */
export async function prepareStore(token, storeId = STORE_ID) {
  const store = await api('PUT', `/stores/${storeId}`, { storeId, name: 'E2E 测试门店', timeZone: 'Asia/Shanghai' }, token)
  if (store.status === 404 || store.status === 405) {
    console.log(`note: PUT /stores answered ${store.status}; relying on the line's own unitPrice and categoryPath`)
    return
  }
  assert.ok(store.status < 300, `PUT /stores/${storeId}: ${store.status} ${JSON.stringify(store.body)}`)
  const products = await api('PUT', `/stores/${storeId}/products`, [PRODUCT], token)
  assert.ok(products.status < 300, `PUT /stores/${storeId}/products: ${products.status} ${JSON.stringify(products.body)}`)
}

export const uniqueId = (prefix) => `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`

/** Quote, then commit, a basket of milk as a lane would; answers the receipt. */
export async function commitCheckout(token, { storeId = STORE_ID, qty = 2, member } = {}) {
  const basket = { storeId, laneId: '01', ...(member ? { member } : {}), lines: [{ lineId: '1', sku: SKU, qty, unitPrice: PRODUCT.price, categoryPath: PRODUCT.categoryPath }] }
  const quote = await api('POST', '/checkout/quote', basket, token)
  assert.equal(quote.status, 200, `quote: ${JSON.stringify(quote.body)}`)
  const txnId = uniqueId('E2E')
  const commit = await api('POST', '/checkout/commit', { ...basket, txnId, tenders: [{ kind: 'cash', amount: quote.body.total }] }, token)
  assert.equal(commit.status, 200, `commit: ${JSON.stringify(commit.body)}`)
  return { ...commit.body, txnId, total: quote.body.total }
}

export function requireSmsDrop() {
  assert.ok(SMS_DIR, "LOYALTY_E2E_SMS_DIR is not set: point it at the folder the api writes its SMS to (its Notifications:DropFolder; tests/run.sh sets both), where the codes land in sms.jsonl")
}

/**
 * The newest SMS to `phone` with `template` (e.g. "registration.code", "member.phone_changed") in
 * $LOYALTY_E2E_SMS_DIR/sms.jsonl, one JSON object a line as FileDropNotificationSender writes them. Waits
 * for it (the api's dispatcher polls its outbox), polling the file; `since` (ms) skips older messages.
 */
export async function smsFor(phone, template, { since = 0, timeoutMs = 15_000, pollMs = 200 } = {}) {
  requireSmsDrop()
  const file = join(SMS_DIR, 'sms.jsonl')
  const deadline = Date.now() + timeoutMs
  let lines = 0
  for (;;) {
    let text = ''
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if (error.code !== 'ENOENT') throw error
    }
    const messages = text.split('\n').filter((l) => l.trim()).map((l) => {
      try {
        return JSON.parse(l)
      } catch {
        return null // a line being written
      }
    })
    lines = messages.length
    const found = messages.filter((m) => m?.to === phone && m.template === template && !(since && Date.parse(m.at) < since)).at(-1)
    if (found) return found
    if (Date.now() >= deadline) break
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  assert.fail(`no ${template} SMS to ${phone} in ${file} within ${timeoutMs / 1000} s (${lines} messages there)`)
}

/** The 6-digit code of the newest SMS to `phone` with `template` (e.g. "registration.code", "signin.code"): see smsFor. */
export async function smsCodeFor(phone, template, options = {}) {
  const found = await smsFor(phone, template, options)
  const code = found.values?.code
  assert.match(String(code), /^\d{6}$/, `the ${template} SMS to ${phone} carries no 6-digit code: ${JSON.stringify(found)}`)
  return String(code)
}

/** "¥1,234.56" → 123456 (the inverse of the console's formatFen). */
export function fenOf(text) {
  const match = /(-?)¥([\d,]+)\.(\d{2})/.exec(text)
  assert.ok(match, `not an amount: ${text}`)
  return (match[1] ? -1 : 1) * (Number(match[2].replace(/,/g, '')) * 100 + Number(match[3]))
}

/**
 * Issues lane credentials from the devices page that is open, as a clerk would: the one-time secret is shown, the lane
 * signs in with it, and the secret dialog is pictured as `picture` and closed.
 */
export async function issueLaneCredentials(page, deviceId, picture) {
  await page.locator('[data-testid=device-issue]').click()
  const issue = page.locator('[data-testid=device-issue-dialog]')
  await issue.waitFor()
  await field(page, 'device-id').fill(deviceId)
  await page.locator('[data-testid=device-role-lane]').click()
  await issue.locator('[data-testid=device-issue-submit]').click()
  const secret = page.locator('[data-testid=device-secret-dialog]')
  await secret.waitFor({ timeout: 10_000 })
  await secret.getByText(/仅显示一次|shown once/).first().waitFor()
  const clientId = (await secret.locator('[data-testid=device-secret-client-id]').innerText()).trim()
  const clientSecret = (await secret.locator('[data-testid=device-secret-value]').innerText()).trim()
  assert.ok(clientId.includes(deviceId), `client id ${clientId}`)
  assert.ok(clientSecret.length >= 16, 'the secret is shown')
  const laneToken = await api('POST', '/auth/token', { clientId, clientSecret })
  assert.equal(laneToken.status, 200, `the lane signs in with its new credentials: ${JSON.stringify(laneToken.body)}`)
  await page.waitForTimeout(300) // the dialog's fade-in, for the picture
  await screenshot(page, picture)
  await secret.locator('[data-testid=device-secret-close]').click()
  await secret.waitFor({ state: 'hidden', timeout: 10_000 })
  return { clientId, clientSecret }
}
