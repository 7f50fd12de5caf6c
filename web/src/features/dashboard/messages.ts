// The dashboard's words.
// index.ts in shared/i18n merges them into the one tree; the English set must have every key the
// Vietnamese one has (its type checks that).

export const dashboardVi = {
  dashboard: {
    title: 'Tổng quan',
    people: 'Người đang sinh hoạt',
    organizations: 'Tổ chức',
    inSeveral: 'Tham gia nhiều tổ chức',
    byOrganization: 'Thành viên theo tổ chức',
    byUnit: 'Thành viên theo phòng ban',
    byKind: 'Theo loại tổ chức',
    inSeveralTitle: 'Người tham gia từ hai tổ chức trở lên',
    recent: 'Thay đổi gần đây',
    noUnit: 'Chưa thuộc phòng ban',
    members: 'Thành viên',
    organization: 'Tổ chức',
    unit: 'Phòng ban',
    kind: 'Loại tổ chức',
    account: 'Tài khoản',
    entity: 'Đối tượng',
  },
}

export const dashboardEn: typeof dashboardVi = {
  dashboard: {
    title: 'Dashboard',
    people: 'Current members',
    organizations: 'Organizations',
    inSeveral: 'In several organizations',
    byOrganization: 'Members per organization',
    byUnit: 'Members per department',
    byKind: 'By kind of organization',
    inSeveralTitle: 'People in two or more organizations',
    recent: 'Recent changes',
    noUnit: 'No department',
    members: 'Members',
    organization: 'Organization',
    unit: 'Department',
    kind: 'Kind of organization',
    account: 'Account',
    entity: 'Record',
  },
}
