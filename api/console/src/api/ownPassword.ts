import { post } from './http'
import { startSession, state, type Session, type TokenAnswer } from './session'

/**
 * A staff member changes their own password (POST /auth/password). The api then ends every token of the
 * account, the one this call was made with included, and answers a new one: it becomes the session's token,
 * so the person stays signed in here while every other browser is signed out.
 * A wrong current password: 422 auth.wrong_password.
 */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<Session> {
  const answer = await post<TokenAnswer>('/auth/password', { currentPassword, newPassword })
  return startSession({ ...answer, memberId: undefined }, state.session?.username ?? '')
}
