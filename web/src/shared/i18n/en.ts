// The shared words in English. Typed as SharedMessages so that the compiler finds any key missing
// from vi.ts's set.
import type { SharedMessages } from './vi'

const sharedEn: SharedMessages = {
  app: {
    name: 'Đoàn Kết',
    tagline: 'Mass organizations of the agency',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
    language: 'Language',
    menu: 'Open menu',
    closeMenu: 'Close menu',
  },
  nav: {
    dashboard: 'Dashboard',
    organizations: 'Organizations',
    people: 'People',
    import: 'Import',
    agency: 'Agency & departments',
    accounts: 'User accounts',
    account: 'Account',
    activities: 'Activities',
    myCode: 'My code',
    signOut: 'Sign out',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    delete: 'Delete',
    add: 'Add',
    back: 'Back',
    close: 'Close',
    none: '—',
    yes: 'Yes',
    no: 'No',
    saved: 'Saved.',
    required: '{field} is required.',
    retry: 'Try again',
    actions: 'Actions',
    name: 'Name',
    code: 'Code',
    total: 'Total',
  },
  errors: {
    network: 'The server cannot be reached. Check the network and try again.',
    unexpected: 'Something went wrong: {message}',
    notFound: 'This page does not exist.',
  },
  forbidden: {
    title: 'Not allowed',
    body: 'Your account may not see this page or do this.',
    home: 'Go to the start page',
  },
  notFound: {
    title: 'Not found',
    body: 'There is no such page or record.',
  },
  charts: {
    empty: 'No figures yet.',
  },
  scroll: {
    hint: 'The table is wider than the screen: swipe or scroll sideways to see the other columns.',
  },
  legend: {
    organizations: 'Colour of each organization',
  },
  picker: {
    placeholder: 'Type a name to search…',
    typeToSearch: 'Type part of the name',
    none: 'Nobody found',
  },
}

export default sharedEn
