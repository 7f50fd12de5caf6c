// A yes/no question before a change that cannot simply be undone.
import { ElMessageBox } from 'element-plus'
import { i18n } from './i18n'

export async function confirmed(message: string, title: string, confirmLabel: string): Promise<boolean> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: confirmLabel,
      cancelButtonText: t('common.cancel'),
      type: 'warning',
      // The safe answer has the focus, so an Enter pressed by habit changes nothing.
      distinguishCancelAndClose: true,
      autofocus: false,
    })
    return true
  } catch {
    return false
  }
}
