// Erasing an account cannot be undone, so the member types the last four digits of their phone first.

export const phoneTail = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '').slice(-4)

export function confirmsErasure(typed: string, phone: string | null | undefined): boolean {
  const tail = phoneTail(phone)
  return tail.length === 4 && typed.trim() === tail
}
