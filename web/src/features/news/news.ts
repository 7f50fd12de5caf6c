// What the news screens share: who may publish, a post's date, and a photo made small enough to
// send from a phone.
import { agencyWallClock, formatDate } from '@/shared/format'
import { organizationName, ownOrganizations } from '@/shared/reference'
import { can, managesOrganization } from '@/shared/session'

/** The value the agency's option takes in a select (a select cannot hold null). */
export const AGENCY = 0

/**
 * Those the user publishes for, as PollDialog asks: the organizations they serve as an officer,
 * and the agency first for administrators and the leadership (organizations loaded first).
 */
export function publishers(agency: string): { id: number; name: string }[] {
  const own = ownOrganizations()
    .filter((o) => managesOrganization(o.id))
    .map((o) => ({ id: o.id, name: organizationName(o.id) }))
  return can.isAdministrator || can.isLeadership ? [{ id: AGENCY, name: agency }, ...own] : own
}

/** Whether "Đăng tin" and "Tạo bản tin" are offered (the API decides anyway). */
export function mayPublish(): boolean {
  return can.isAdministrator || can.isLeadership || ownOrganizations().some((o) => managesOrganization(o.id))
}

/** An instant → the agency's date, dd/mm/yyyy. */
export function postedOn(iso: string): string {
  return formatDate(agencyWallClock(iso).slice(0, 10))
}

const longestSide = 1920
// A picture this small and no larger than the long side goes as it is: scaling would only
// re-encode it, losing quality for nothing.
const smallBytes = 1 << 20

/**
 * A photo as it is sent: at most 1,920 px on its long side, as a JPEG of quality 0.85, unless it
 * is already small. A picture the browser cannot read (HEIC on some browsers) goes as it is, and
 * the server says what it accepts.
 */
export async function scaledPhoto(file: File): Promise<{ photo: Blob; name: string }> {
  const original = { photo: file as Blob, name: file.name }
  let bitmap: ImageBitmap
  try {
    // A phone's picture stands as the camera was held (EXIF orientation).
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return original
  }
  try {
    const scale = Math.min(1, longestSide / Math.max(bitmap.width, bitmap.height))
    if (scale === 1 && file.size <= smallBytes) return original
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(bitmap.width * scale))
    canvas.height = Math.max(1, Math.round(bitmap.height * scale))
    const context = canvas.getContext('2d')
    if (!context) return original
    // A JPEG has no transparency: a PNG's clear parts become white paper, not black.
    context.fillStyle = '#fff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    if (!jpeg || (scale === 1 && jpeg.size >= file.size)) return original
    return { photo: jpeg, name: `${file.name.replace(/\.[^.]*$/, '') || 'anh'}.jpg` }
  } finally {
    bitmap.close()
  }
}
