import type { MemberView, NotifyChannel, WeChatBindBy } from '../api/me'

// How reminders reach a member (docs/notices.md, "Channels"): by SMS, which always works, by e-mail once the
// profile has an address, by WeChat once it is bound. Sign-in codes and security notices go by SMS whatever is chosen.

export const CHANNELS: readonly NotifyChannel[] = ['sms', 'email', 'wechat']

/** Why a channel cannot be chosen yet (a key under `me.notify`): what the member must do first, or that they cannot. */
export type Missing = 'notOffered' | 'needEmail' | 'needWeChat'

export interface ChannelOption {
  value: NotifyChannel
  /** Null when it may be chosen. */
  missing: Missing | null
}

/**
 * The channels as the api would take them: only those the chain offers (GET /notification-channels), e-mail only
 * with an address, WeChat only bound (else `400`, field `notifyBy`). Not offered comes first: an address or a bound
 * WeChat would not make it choosable. An unknown offer (null: the call failed, or an api from before it) is all three,
 * as it was before chains could offer fewer: the api still has the last word.
 */
export function channelOptions(member: Pick<MemberView, 'email' | 'weChatBound'>, offered: readonly NotifyChannel[] | null = null): ChannelOption[] {
  const missing: Record<NotifyChannel, Missing | null> = {
    sms: null,
    email: member.email?.trim() ? null : 'needEmail',
    wechat: member.weChatBound ? null : 'needWeChat',
  }
  return CHANNELS.map((value) => ({ value, missing: offered && !offered.includes(value) ? 'notOffered' : missing[value] }))
}

/** The channel in use: an api from before channels says nothing, which is SMS. */
export const channelOf = (member: Pick<MemberView, 'notifyBy'>): NotifyChannel => member.notifyBy ?? 'sms'

/** PATCH /members/{id} for a new channel; `email` goes with it when the member gives an address at the same time. */
export function channelChange(channel: NotifyChannel, email?: string): { notifyBy: NotifyChannel; email?: string } {
  return email?.trim() && channel === 'email' ? { notifyBy: channel, email: email.trim() } : { notifyBy: channel }
}

/** A WeChat open id as the api takes it: 16–64 letters, digits, '-' or '_' (a key under `me.fields`, or null). */
export const openIdProblem = (openId: string) => (/^[A-Za-z0-9_-]{16,64}$/.test(openId.trim()) ? null : 'openIdInvalid')

/** Whether the member may type their open id here: unless the chain says only the mini-program's code binds (unknown: yes). */
export const typesOpenId = (bindBy: readonly WeChatBindBy[] | null) => !bindBy || bindBy.includes('openId')
