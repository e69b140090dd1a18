import { afterEach, describe, expect, it, vi } from 'vitest'
import { accessToken, state } from '../../src/api/session'
import { DashboardConnection } from '../../src/dashboard/connection'

/** The options the dashboard gave SignalR's connection builder. */
const built: Array<{ url: string; options: { accessTokenFactory?: () => string } }> = []

vi.mock('@microsoft/signalr', () => {
  const connection = { on() {}, onreconnecting() {}, onreconnected() {}, onclose() {}, start: async () => {}, stop: async () => {}, invoke: async () => {} }
  class HubConnectionBuilder {
    withUrl(url: string, options: { accessTokenFactory?: () => string }) {
      built.push({ url, options })
      return this
    }
    withAutomaticReconnect() {
      return this
    }
    configureLogging() {
      return this
    }
    build() {
      return connection
    }
  }
  return { HubConnectionBuilder, LogLevel: { Warning: 3 } }
})

afterEach(() => {
  state.session = null
})

describe('the live dashboard connection', () => {
  it('connects and reconnects with the token the session holds then, renewed since, not the one it started with', () => {
    state.session = { token: 'token-at-start', username: 'admin', roles: ['admin'], stores: [], expiresAt: Date.now() + 3_600_000 }
    new DashboardConnection(accessToken, { snapshot() {}, update() {}, error() {} })
    const factory = built.at(-1)?.options.accessTokenFactory
    expect(built.at(-1)?.url).toBe('/hubs/dashboard')
    expect(factory?.()).toBe('token-at-start')

    state.session = { ...state.session, token: 'renewed-token' }
    expect(factory?.()).toBe('renewed-token')
  })
})
