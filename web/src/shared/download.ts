// Files the page downloads: fetched rather than linked, so that a spreadsheet's words follow the
// page's language (sent as Accept-Language, which the exports follow) and not the browser's, and
// handed to the browser's downloads.
import { ApiError, buildUrl, type Problem, type Query } from './api/client'

export interface FetchedFile {
  blob: Blob
  fileName: string
}

/** GET /api/v1`path` as a file, named by its Content-Disposition (else `fallbackName`). */
export async function fetchFile(path: string, query: Query, language: string, fallbackName: string): Promise<FetchedFile> {
  const response = await fetch(buildUrl(path, query), {
    headers: { 'Accept-Language': language },
    credentials: 'same-origin',
  })
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({ status: response.status, code: 'export.failed' }))) as Problem
    throw new ApiError(problem)
  }
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName
  return { blob: await response.blob(), fileName }
}

/** Hands a file made or fetched by the page to the browser's downloads. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
