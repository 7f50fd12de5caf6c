// The words every part of the app uses, in Vietnamese, the default language: the app's frame,
// navigation, common buttons, errors, the person picker. Each feature keeps its own words in its
// messages.ts; index.ts merges them all into one tree per language.

const sharedVi = {
  app: {
    name: 'Đoàn Kết',
    tagline: 'Quản lý tổ chức đoàn thể',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    loading: 'Đang tải…',
    language: 'Ngôn ngữ',
    menu: 'Mở menu',
    closeMenu: 'Đóng menu',
  },
  nav: {
    dashboard: 'Tổng quan',
    organizations: 'Tổ chức',
    people: 'Thành viên',
    import: 'Nhập danh sách',
    agency: 'Cơ quan & phòng ban',
    accounts: 'Tài khoản người dùng',
    account: 'Tài khoản',
    activities: 'Hoạt động',
    myCode: 'Mã của tôi',
    signOut: 'Đăng xuất',
  },
  common: {
    save: 'Lưu',
    cancel: 'Hủy',
    edit: 'Sửa',
    delete: 'Xóa',
    add: 'Thêm',
    back: 'Quay lại',
    close: 'Đóng',
    none: '—',
    yes: 'Có',
    no: 'Không',
    saved: 'Đã lưu.',
    required: 'Chưa nhập {field}.',
    retry: 'Thử lại',
    actions: 'Thao tác',
    name: 'Tên',
    code: 'Mã',
    total: 'Tổng số',
  },
  errors: {
    network: 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.',
    unexpected: 'Đã có lỗi: {message}',
    notFound: 'Không tìm thấy trang này.',
  },
  forbidden: {
    title: 'Không được phép',
    body: 'Tài khoản của bạn không có quyền xem trang này hoặc thực hiện thao tác này.',
    home: 'Về trang đầu',
  },
  notFound: {
    title: 'Không tìm thấy',
    body: 'Không có trang hoặc bản ghi này.',
  },
  charts: {
    empty: 'Chưa có số liệu.',
  },
  scroll: {
    hint: 'Bảng rộng hơn khung nhìn: vuốt hoặc cuộn sang ngang để xem các cột còn lại.',
  },
  legend: {
    organizations: 'Màu của từng tổ chức',
  },
  picker: {
    placeholder: 'Gõ tên để tìm…',
    typeToSearch: 'Gõ vài chữ của họ tên',
    none: 'Không tìm thấy ai',
  },
}

export default sharedVi
export type SharedMessages = typeof sharedVi
