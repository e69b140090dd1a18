/**
 * The file name a Content-Disposition header gives: the RFC 6266/5987 `filename*` (UTF-8, percent-encoded)
 * wins over the plain `filename`, as browsers do. Anything unreadable → null, so the caller names the file.
 */
export function filenameFrom(header: string | null | undefined): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header)
  if (extended) {
    const match = /^\s*"?([\w-]+)'[^']*'([^";]+)"?\s*$/.exec(extended[1])
    if (match) {
      try {
        const name = decodeURIComponent(match[2])
        if (name) return safe(name)
      } catch {
        // A malformed escape: fall back to the plain form.
      }
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header)
  const name = plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]?.trim()) : null
  return name ? safe(name) : null
}

/** A name, never a path: the server's name must not choose a folder. */
function safe(name: string): string | null {
  const base = name.split(/[/\\]/).pop()?.trim() ?? ''
  return base && base !== '.' && base !== '..' ? base : null
}
