// Money arrives as an integer count of fen (1/100 yuan). Everything here is integer arithmetic:
// no float ever touches an amount, not even for display.

const FEN_PER_YUAN = 100n

function toBigInt(fen: number | bigint): bigint | null {
  if (typeof fen === 'bigint') return fen
  return Number.isSafeInteger(fen) ? BigInt(fen) : null
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export interface FenFormat {
  /** Prefix "¥" (default true). */
  symbol?: boolean
  /** Prefix "+" on positive amounts (for changes). */
  sign?: boolean
}

/** 123456 → "¥1,234.56"; -5 → "-¥0.05". Anything that is not a whole number of fen → "—". */
export function formatFen(fen: number | bigint | null | undefined, format: FenFormat = {}): string {
  const value = fen == null ? null : toBigInt(fen)
  if (value === null) return '—'
  const negative = value < 0n
  const abs = negative ? -value : value
  const yuan = abs / FEN_PER_YUAN
  const cents = abs % FEN_PER_YUAN
  const sign = negative ? '-' : format.sign && abs > 0n ? '+' : ''
  const symbol = format.symbol === false ? '' : '¥'
  return `${sign}${symbol}${group(yuan.toString())}.${cents.toString().padStart(2, '0')}`
}

/** Prices as a shop prints them on a coupon: whole yuan without decimals ("¥50"), else exact ("¥12.50"). */
export function formatFenBrief(fen: number | bigint | null | undefined): string {
  return formatFen(fen).replace(/\.00$/, '')
}

/** abs / unit rounded half up, with `decimals` decimals, as a string. */
function scaled(abs: bigint, unit: bigint, decimals: number): string {
  const factor = 10n ** BigInt(decimals)
  const rounded = (abs * factor * 2n + unit) / (unit * 2n)
  const whole = rounded / factor
  const fraction = rounded % factor
  return decimals === 0 ? group(whole.toString()) : `${group(whole.toString())}.${fraction.toString().padStart(decimals, '0')}`
}

/**
 * Big numbers for tiles: Chinese uses 万 (10 000 yuan) and 亿 (100 000 000 yuan), English K and M.
 * Below those, the exact amount.
 */
export function formatFenCompact(fen: number | bigint | null | undefined, locale: string): string {
  const value = fen == null ? null : toBigInt(fen)
  if (value === null) return '—'
  const negative = value < 0n
  const abs = negative ? -value : value
  const sign = negative ? '-' : ''
  if (locale.startsWith('zh')) {
    const yi = 10_000_000_000n // 1 亿元 in fen
    const wan = 1_000_000n // 1 万元 in fen
    if (abs >= yi) return `${sign}¥${scaled(abs, yi, 2)}亿`
    if (abs >= wan) return `${sign}¥${scaled(abs, wan, 2)}万`
    return formatFen(value)
  }
  const million = 100_000_000n // ¥1M in fen
  const thousand = 100_000n // ¥1K in fen
  if (abs >= million) return `${sign}¥${scaled(abs, million, 2)}M`
  if (abs >= thousand * 10n) return `${sign}¥${scaled(abs, thousand, 1)}K`
  return formatFen(value)
}

/** Chart axes: like {@link formatFenCompact}, but whole yuan below the 万/K threshold ("¥5,000"). */
export function formatFenAxis(fen: number | bigint | null | undefined, locale: string): string {
  const value = fen == null ? null : toBigInt(fen)
  if (value === null) return '—'
  const abs = value < 0n ? -value : value
  // From 1 万元 (= ¥10K) on, the compact form.
  if (abs >= 1_000_000n) return formatFenCompact(value, locale)
  return `${value < 0n ? '-' : ''}¥${scaled(abs, FEN_PER_YUAN, 0)}`
}

/** What a person types as yuan ("12", "12.5", "12.50") → fen (1250). Anything else → null. */
export function parseYuanToFen(input: string | number | null | undefined): number | null {
  if (input == null) return null
  const text = String(input).trim()
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return null
  const fen = BigInt(match[1]) * FEN_PER_YUAN + BigInt((match[2] ?? '').padEnd(2, '0'))
  return Number(fen)
}
