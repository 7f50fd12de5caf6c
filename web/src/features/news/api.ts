// News in several forms (issue 16, docs/news.md): articles in Markdown, photo stories, videos and
// announcements, pinned for a while, read, reacted to and commented on; bulletins gather them
// into one printable issue. Bodies come back as HTML the server rendered and made safe.
import { api, request } from '@/shared/api/client'

export type NewsKind = 'article' | 'album' | 'video' | 'announcement'
export type Reaction = 'like' | 'love' | 'clap' | 'sad'

export const newsKinds: NewsKind[] = ['article', 'album', 'video', 'announcement']
export const reactions: Reaction[] = ['like', 'love', 'clap', 'sad']

export interface NewsPhoto {
  position: number
  caption: string
  content_type: string
  size: number
  /** Same origin, with the session's cookie: usable as an <img src> as it is. */
  url: string
}

export interface NewsVideo {
  site: 'youtube' | 'vimeo'
  site_name: string
  video_id: string
  watch_url: string
  /** The site's privacy-enhanced player, loaded only when the reader asks. */
  embed_url: string
  /** Empty when the site has no fixed address for one (Vimeo). */
  preview_image: string
}

export interface NewsPost {
  id: number
  organization_id: number | null
  organization_name: string
  kind: NewsKind
  kind_label: string
  title: string
  summary: string
  /** The Markdown as written: only on its page, for those who edit it. */
  body?: string
  /** Safe HTML from the server: on its page, and in the list for an announcement. */
  body_html?: string
  video: NewsVideo | null
  photos: NewsPhoto[]
  pinned: boolean
  pinned_until: string | null
  comments_open: boolean
  withdrawn: boolean
  created_at: string
  updated_at: string
  reads: number
  comments: number
  reactions: Record<Reaction, number>
  reactions_total: number
  my_reaction: Reaction | null
  read_by_me: boolean
  may_edit: boolean
  may_comment: boolean
}

export interface NewsComment {
  id: number
  person_id: number
  author_name: string
  /** Plain text, whatever it holds: shown by text interpolation only. */
  text: string
  created_at: string
  hidden: boolean
  hidden_at: string | null
  hidden_reason: string
  mine: boolean
}

export interface NewsPage extends NewsPost {
  comment_list: NewsComment[]
}

export interface NewsFeed {
  pinned: NewsPost[]
  items: NewsPost[]
  next_before: number | null
}

export interface NewsDraft {
  organization_id: number | null
  kind: NewsKind
  title: string
  summary: string
  body: string
  video_url: string
  pinned_until: string | null
  comments_open: boolean
  notify: boolean
}

export type NewsChange = Partial<Pick<NewsDraft, 'title' | 'summary' | 'body' | 'video_url' | 'pinned_until' | 'comments_open'>>

export interface Bulletin {
  id: number
  organization_id: number | null
  organization_name: string
  title: string
  number: string
  issued_on: string
  introduction: string
  introduction_html: string
  created_at: string
  may_edit: boolean
  posts: NewsPost[]
}

export interface BulletinInput {
  organization_id: number | null
  title: string
  number: string
  issued_on: string
  introduction: string
  post_ids: number[]
}

export const newsApi = {
  list: (query: { kind?: NewsKind | ''; before?: number | null; limit?: number } = {}) => api.get<NewsFeed>('/news', query),
  get: (id: number) => api.get<NewsPage>(`/news/${id}`),
  /** Sent once per submission: a retry of the same key publishes nothing twice. */
  create: (draft: NewsDraft, key: string) => request<NewsPost>('POST', '/news', { body: draft, headers: { 'Idempotency-Key': key } }),
  preview: (body: string) => api.post<{ html: string }>('/news/preview', { body }),
  update: (id: number, change: NewsChange) => api.put<NewsPost>(`/news/${id}`, change),
  withdraw: (id: number) => api.post<NewsPost>(`/news/${id}/withdraw`),
  read: (id: number) => api.post<NewsPost>(`/news/${id}/read`),
  react: (id: number, reaction: Reaction | null) => api.put<NewsPost>(`/news/${id}/reaction`, { reaction }),
  comment: (id: number, comment: string, key: string) =>
    request<NewsComment>('POST', `/news/${id}/comments`, { body: { comment }, headers: { 'Idempotency-Key': key } }),
  hideComment: (id: number, commentId: number, reason: string) => api.post<NewsComment>(`/news/${id}/comments/${commentId}/hide`, { reason }),
  restoreComment: (id: number, commentId: number) => api.post<NewsComment>(`/news/${id}/comments/${commentId}/restore`),
  deleteComment: (id: number, commentId: number) => api.delete<void>(`/news/${id}/comments/${commentId}`),
  /** The picture's bytes as they are; the server decides what they are. */
  addPhoto: (id: number, photo: Blob, filename: string, caption: string) =>
    request<NewsPost>('POST', `/news/${id}/photos`, { bytes: photo, query: { filename, caption } }),
  removePhoto: (id: number, position: number) => api.delete<NewsPost>(`/news/${id}/photos/${position}`),
}

export const bulletinsApi = {
  list: () => api.get<{ items: Bulletin[] }>('/bulletins'),
  get: (id: number) => api.get<Bulletin>(`/bulletins/${id}`),
  create: (input: BulletinInput, key: string) =>
    request<Bulletin>('POST', '/bulletins', { body: input, headers: { 'Idempotency-Key': key } }),
}
