// Personal data is shown masked unless the viewer's role may see more (admins may reveal it).

/** "13812345678" → "138****5678"; already masked or unexpected input passes through masked as well as possible. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '—'
  const digits = phone.replace(/\s+/g, '')
  if (digits.includes('*')) return digits
  if (digits.length < 7) return '*'.repeat(digits.length)
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
}

/** "张三" → "张*", "欧阳娜娜" → "欧***", "Li Wei" → "L*****". */
export function maskName(name: string | null | undefined): string {
  if (!name) return '—'
  const chars = Array.from(name.trim())
  if (chars.length === 0) return '—'
  if (chars.includes('*')) return chars.join('')
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}

/** "8800012345" → "8800**2345"; short numbers keep only their last four. */
export function maskCardNo(cardNo: string | null | undefined): string {
  if (!cardNo) return '—'
  if (cardNo.includes('*')) return cardNo
  if (cardNo.length <= 4) return cardNo
  if (cardNo.length < 10) return `${'*'.repeat(cardNo.length - 4)}${cardNo.slice(-4)}`
  return `${cardNo.slice(0, 4)}${'*'.repeat(cardNo.length - 8)}${cardNo.slice(-4)}`
}

/** "zhang.san@example.com" → "z*********@example.com". */
export function maskEmail(email: string | null | undefined): string {
  if (!email) return '—'
  const at = email.indexOf('@')
  if (at <= 0) return maskName(email)
  return `${email[0]}${'*'.repeat(Math.max(1, at - 1))}${email.slice(at)}`
}

/** Only admins may lift the mask; managers and everyone else always see masked data. */
export function mayReveal(roles: readonly string[]): boolean {
  return roles.includes('admin')
}
