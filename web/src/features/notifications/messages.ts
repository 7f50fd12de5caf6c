// The notifications' words, in both languages (merged by shared/i18n/messages.ts).

export const notificationsVi = {
  bell: {
    label: 'Thông báo',
    labelUnread: 'Thông báo: {count} chưa đọc',
  },
  notifications: {
    title: 'Thông báo',
    intro: 'Văn bản cần học tập, lời nhắc, hoạt động bị hủy hay có chỗ mới: mới nhất ở trên.',
    empty: 'Chưa có thông báo nào.',
    unreadCount: '{count} chưa đọc',
    allRead: 'Đã đọc hết',
    markAllRead: 'Đánh dấu đã đọc tất cả',
    markRead: 'Đánh dấu đã đọc: {title}',
    unread: 'Chưa đọc',
    more: 'Xem các thông báo cũ hơn',
    live: 'Tự cập nhật',
    preferences: 'Nhận thông báo',
    preferencesIntro: 'Chọn cho từng loại: hiện ở chuông, và gửi thư điện tử ngay, gộp một thư mỗi sáng (7:00) hay không gửi.',
    kind: 'Loại',
    inApp: 'Hiện ở chuông',
    inAppFor: 'Hiện ở chuông: {kind}',
    email: 'Thư điện tử',
    emailFor: 'Thư điện tử: {kind}',
    emailModes: { immediate: 'Gửi ngay', daily: 'Mỗi sáng', off: 'Không gửi' },
    saved: 'Đã lưu lựa chọn.',
  },
}

export const notificationsEn: typeof notificationsVi = {
  bell: {
    label: 'Notifications',
    labelUnread: 'Notifications: {count} unread',
  },
  notifications: {
    title: 'Notifications',
    intro: 'Directives to study, reminders, activities cancelled or a place freed: newest first.',
    empty: 'No notifications yet.',
    unreadCount: '{count} unread',
    allRead: 'All read',
    markAllRead: 'Mark all as read',
    markRead: 'Mark as read: {title}',
    unread: 'Unread',
    more: 'Show older notifications',
    live: 'Live',
    preferences: 'What reaches me',
    preferencesIntro: 'For each kind: shown by the bell, and e-mailed at once, gathered into one mail each morning (7:00), or not at all.',
    kind: 'Kind',
    inApp: 'Bell',
    inAppFor: 'Bell: {kind}',
    email: 'E-mail',
    emailFor: 'E-mail: {kind}',
    emailModes: { immediate: 'At once', daily: 'Each morning', off: 'Off' },
    saved: 'Choice saved.',
  },
}
