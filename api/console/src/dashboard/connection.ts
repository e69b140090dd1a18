import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr'
import { ref } from 'vue'
import type { DashboardScope, DashboardSnapshot, DashboardUpdate } from './types'

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline'

export interface DashboardHandlers {
  snapshot(s: DashboardSnapshot): void
  update(u: DashboardUpdate): void
  error(code: string): void
}

/** The error code the hub puts in a refusal ("…HubException: auth.forbidden_store"). */
export function hubErrorCode(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return /(auth\.forbidden_store|auth\.forbidden_chain|request\.invalid|dashboard\.unavailable)/.exec(message)?.[1] ?? 'dashboard.unavailable'
}

/** Whether a hub message belongs to the scope being watched (a late message of the previous store does not). */
export function belongsTo(scope: DashboardScope | null, message: { scope: string; storeId?: string | null }): boolean {
  if (!scope) return false
  return scope.kind === 'chain' ? message.scope === 'chain' : message.scope === 'store' && message.storeId === scope.storeId
}

/**
 * One SignalR connection to /hubs/dashboard that watches one scope at a time and, after a
 * reconnect (a new connection on the server), joins it again and so gets a fresh snapshot.
 */
export class DashboardConnection {
  readonly status = ref<ConnectionStatus>('offline')
  private readonly connection: HubConnection
  private scope: DashboardScope | null = null
  private started: Promise<void> | null = null
  private stopped = false

  /**
   * `accessToken` is asked for the token at each connect and reconnect, so it must read the session's current
   * one: the token is renewed every hour, and a reconnect with one captured at the start would be refused.
   */
  constructor(
    accessToken: () => string,
    private readonly handlers: DashboardHandlers,
  ) {
    this.connection = new HubConnectionBuilder()
      .withUrl('/hubs/dashboard', { accessTokenFactory: accessToken })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(10_000, 500 * 2 ** c.previousRetryCount) })
      .configureLogging(LogLevel.Warning)
      .build()
    this.connection.on('Snapshot', (s: DashboardSnapshot) => belongsTo(this.scope, s) && handlers.snapshot(s))
    this.connection.on('Update', (u: DashboardUpdate) => belongsTo(this.scope, u) && handlers.update(u))
    this.connection.onreconnecting(() => (this.status.value = 'reconnecting'))
    this.connection.onreconnected(async () => {
      this.status.value = 'live'
      await this.join()
    })
    this.connection.onclose(() => {
      this.status.value = 'offline'
      this.started = null
      if (!this.stopped) setTimeout(() => void this.watch(this.scope), 5_000)
    })
  }

  async watch(scope: DashboardScope | null) {
    const previous = this.scope
    this.scope = scope
    try {
      await this.ensureStarted()
      if (previous) await this.leave(previous)
      await this.join()
    } catch (error) {
      this.handlers.error(hubErrorCode(error))
    }
  }

  async stop() {
    this.stopped = true
    this.scope = null
    await this.connection.stop()
  }

  private ensureStarted(): Promise<void> {
    if (!this.started) {
      this.status.value = 'connecting'
      this.started = this.connection.start().then(
        () => void (this.status.value = 'live'),
        (error) => {
          this.started = null
          this.status.value = 'offline'
          throw error
        },
      )
    }
    return this.started
  }

  private async join() {
    const scope = this.scope
    if (!scope) return
    if (scope.kind === 'chain') await this.connection.invoke('JoinChain')
    else await this.connection.invoke('JoinStore', scope.storeId)
  }

  private async leave(scope: DashboardScope) {
    if (scope.kind === 'chain') await this.connection.invoke('LeaveChain')
    else await this.connection.invoke('LeaveStore', scope.storeId)
  }
}
