import { reactive, ref } from 'vue'
import { sendCode, type CodePurpose, type CodeSent } from '../api/memberAuth'
import { codeButton, resendAt, validMinutes } from './countdown'
import { useNow } from './useNow'

/** Asks the api to send a code to a phone. */
export type SendCode = (phone: string) => Promise<CodeSent>

/**
 * A form's SMS codes (docs/sign-in.md): what is being sent and when another may be asked for. The api
 * answers every request alike, so the wait is counted here: `perPhone`, for each phone (another number
 * may have its code at once), else one wait for the form. Held by the page, so that the wait outlives
 * a send button that is hidden and shown again (SendCodeButton shows it).
 * `purpose`: a sign-in or registration code (POST /members/otp), or another way to send one (a new phone number's).
 */
export function useCodeSender(purpose?: CodePurpose | SendCode, { perPhone = false } = {}) {
  const sendTo: SendCode = typeof purpose === 'function' ? purpose : (phone) => sendCode(phone, purpose)
  const now = useNow()
  const sending = ref(false)
  const nextCodeAt = reactive<Record<string, number>>({})
  const keyOf = (phone: string) => (perPhone ? phone.trim() : '')

  /** The send button's state for `phone`: send, wait n s, or resend. */
  const buttonFor = (phone: string) => codeButton(nextCodeAt[keyOf(phone)] ?? null, now.value)

  /** Sends a code to `phone`; answers the minutes it is good for, or throws the api's refusal. */
  async function send(phone: string): Promise<number> {
    sending.value = true
    try {
      const answer = await sendTo(phone.trim())
      nextCodeAt[keyOf(phone)] = resendAt(Date.now(), answer.resendAfter)
      return validMinutes(answer.expiresIn)
    } finally {
      sending.value = false
    }
  }

  return { sending, buttonFor, send }
}

export type CodeSender = ReturnType<typeof useCodeSender>
