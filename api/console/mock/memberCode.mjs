// GET /members/{id}/code (docs/member-codes.md): the shape and timing of the api's rotating member code, not its
// security. "9", the member's digits (15, zero-padded), the minute modulo 100 and 8 digits made from both. The mock's
// own clock can be shifted (MOCK_CODE_CLOCK_OFFSET_MS) to see that the portal times refreshes by the server's clock.

import { createHash } from 'node:crypto'

const STEP_MS = 60_000
const ACCEPT_FOR_MS = 10 * STEP_MS
const OFFSET_MS = Number(process.env.MOCK_CODE_CLOCK_OFFSET_MS ?? 0) || 0

const iso = (ms) => new Date(ms).toISOString().replace('Z', '+00:00')

export function memberCode(memberId, now = Date.now() + OFFSET_MS) {
  const step = Math.floor(now / STEP_MS)
  const digits = memberId.replace(/\D/g, '').padStart(15, '0').slice(-15)
  const mac = String(createHash('sha256').update(`member-code:${memberId}:${step}`).digest().readUInt32BE(0) % 100_000_000).padStart(8, '0')
  const start = step * STEP_MS
  return { code: `9${digits}${String(step % 100).padStart(2, '0')}${mac}`, issuedAt: iso(now), refreshAt: iso(start + STEP_MS), validUntil: iso(start + ACCEPT_FOR_MS) }
}
