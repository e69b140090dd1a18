import type { MemberView, NotifyChannel } from '../api/me'

// How reminders reach a member (docs/notices.md, "Channels"): by SMS, which always works, by e-mail once the
// profile has an address, by WeChat once it is bound. Sign-in codes and security notices go by SMS whatever is chosen.

export const CHANNELS: readonly NotifyChannel[] = ['sms', 'email', 'wechat']

/** Why a channel cannot be chosen yet (a key under `me.notify`): what the member must do first. */
export type Missing = 'needEmail' | 'needWeChat'

export interface ChannelOption {
  value: NotifyChannel
  /** Null when it may be chosen. */
  missing: Missing | null
}

/** The channels as the api would take them: e-mail only with an address, WeChat only bound (else `400`, field `notifyBy`). */
export function channelOptions(member: Pick<MemberView, 'email' | 'weChatBound'>): ChannelOption[] {
  const missing: Record<NotifyChannel, Missing | null> = {
    sms: null,
    email: member.email?.trim() ? null : 'needEmail',
    wechat: member.weChatBound ? null : 'needWeChat',
  }
  return CHANNELS.map((value) => ({ value, missing: missing[value] }))
}

/** The channel in use: an api from before channels says nothing, which is SMS. */
export const channelOf = (member: Pick<MemberView, 'notifyBy'>): NotifyChannel => member.notifyBy ?? 'sms'

/** PATCH /members/{id} for a new channel; `email` goes with it when the member gives an address at the same time. */
export function channelChange(channel: NotifyChannel, email?: string): { notifyBy: NotifyChannel; email?: string } {
  return email?.trim() && channel === 'email' ? { notifyBy: channel, email: email.trim() } : { notifyBy: channel }
}

/** A WeChat open id as the api takes it: 16–64 letters, digits, '-' or '_' (a key under `me.fields`, or null). */
export const openIdProblem = (openId: string) => (/^[A-Za-z0-9_-]{16,64}$/.test(openId.trim()) ? null : 'openIdInvalid')
