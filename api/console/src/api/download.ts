import { filenameFrom } from '../reports/filename'
import { request } from './http'

export type FileFormat = 'csv' | 'xlsx'

/**
 * Fetches a file with the bearer token (a plain link could not send it) and hands it to the browser as
 * a download, named as the api's Content-Disposition says, else `fallbackName`.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const response = await request('GET', path, undefined, '*/*')
  const blob = await response.blob()
  const name = filenameFrom(response.headers.get('Content-Disposition')) ?? fallbackName
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser reads the blob after click() returns; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return name
}
