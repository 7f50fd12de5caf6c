// The calendar feeds' words.
// index.ts in shared/i18n merges them into the one tree; the English set must have every key the
// Vietnamese one has (its type checks that).

export const calendarsVi = {
  feeds: {
    title: 'Lịch của tôi',
    intro: 'Một liên kết bí mật để ứng dụng lịch trên điện thoại hoặc máy tính tự hiện các hoạt động bạn đã đăng ký. Ai có liên kết cũng xem được lịch, nên đừng chia sẻ; bị lộ thì thu hồi và tạo liên kết mới.',
    createMine: 'Tạo liên kết lịch của tôi',
    createOrganization: 'Tạo liên kết lịch của tổ chức',
    organization: 'Tổ chức',
    created: 'Liên kết mới — chỉ hiện một lần, hãy sao chép ngay:',
    copy: 'Sao chép',
    copied: 'Đã sao chép liên kết.',
    subscribe: 'Mở bằng ứng dụng Lịch trên máy này',
    howGoogle: 'Google Calendar (trên máy tính): Cài đặt → Thêm lịch → Từ URL → dán liên kết → Thêm lịch.',
    howIphone: 'iPhone: Cài đặt → Lịch → Tài khoản → Thêm tài khoản → Khác → Thêm lịch đã đăng ký → dán liên kết.',
    list: 'Các liên kết đã tạo',
    owner: 'Lịch của',
    me: 'Tôi',
    createdAt: 'Tạo lúc',
    state: 'Tình trạng',
    active: 'Đang dùng',
    revoked: 'Đã thu hồi',
    revoke: 'Thu hồi',
    confirmRevoke: 'Thu hồi liên kết này? Ứng dụng lịch đang dùng nó sẽ không cập nhật được nữa.',
    revokedDone: 'Đã thu hồi liên kết.',
    none: 'Chưa có liên kết nào.',
  },
}

export const calendarsEn: typeof calendarsVi = {
  feeds: {
    title: 'My calendar',
    intro: 'A secret link that lets the calendar app on your phone or computer show the activities you signed up for. Anyone with the link can read the calendar, so do not share it; if it leaks, revoke it and make a new one.',
    createMine: 'Make a link to my calendar',
    createOrganization: 'Make a link to an organization’s calendar',
    organization: 'Organization',
    created: 'New link — shown only once, copy it now:',
    copy: 'Copy',
    copied: 'Link copied.',
    subscribe: 'Open in this device’s calendar app',
    howGoogle: 'Google Calendar (on a computer): Settings → Add calendar → From URL → paste the link → Add calendar.',
    howIphone: 'iPhone: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar → paste the link.',
    list: 'Links made',
    owner: 'Calendar of',
    me: 'Me',
    createdAt: 'Made at',
    state: 'State',
    active: 'In use',
    revoked: 'Revoked',
    revoke: 'Revoke',
    confirmRevoke: 'Revoke this link? Calendar apps using it will stop updating.',
    revokedDone: 'Link revoked.',
    none: 'No links yet.',
  },
}
