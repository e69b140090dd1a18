// A shopper's way in: registration, a sign-in code by SMS, sign-in (docs/sign-in.md). All anonymous.
import { publicApi } from './http'
import { readClaims } from './jwt'
import { MEMBER_ROLE, startSession, type Session, type TokenAnswer } from './session'

/** The same answer for every well-formed phone: the api does not tell who shops here. */
export interface CodeSent {
  expiresIn: number
  resendAfter: number
}

/** What a code is for: signing in (a member's phone, the default) or registering on the web (a phone no member has). */
export type CodePurpose = 'signin' | 'registration'

export const sendCode = (phone: string, purpose?: CodePurpose) =>
  publicApi<CodeSent>('POST', '/members/otp', purpose ? { phone, purpose } : { phone })

export type Credentials = { password: string } | { otp: string }

/** Keeps a member's token answer (a sign-in's, or a password change's new token) as the tab's session. */
export function keepMemberSession(answer: TokenAnswer, fallbackName: string): Session {
  const memberId = answer.memberId ?? readClaims(answer.accessToken).sub
  return startSession({ ...answer, roles: answer.roles?.length ? answer.roles : [MEMBER_ROLE], memberId }, fallbackName)
}

/** Signs the member in and keeps their token as the tab's session. */
export async function signIn(phone: string, credentials: Credentials): Promise<Session> {
  return keepMemberSession(await publicApi<TokenAnswer>('POST', '/members/login', { phone, ...credentials }), phone)
}

export interface Registration {
  phone: string
  name: string
  password: string
  channel: 'web'
  birthday?: string
  birthdayCalendar?: 'gregorian' | 'lunar'
  email?: string
  consentMarketing: boolean
  referralCode?: string
  /** The home store, one of GET /store-directory's (else 400 naming `storeId`, the code not used up); left out, `web`. */
  storeId?: string
  /** The code sent by `sendCode(phone, 'registration')`: an anonymous registration must prove the phone is in hand. */
  otp: string
}

export interface Registered {
  memberId: string
  referralCode: string
  tier: string
  points: number
  gifts?: { points: number; coupons: string[] }
}

export const register = (registration: Registration) => publicApi<Registered>('POST', '/members', registration)
