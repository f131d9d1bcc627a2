import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import './action-dialog.css'

/**
 * Confirms one action before it is sent: what will happen, any details to fill in, and
 * 取消 / the action's own verb (`.confirm-action`). `error` says why the last try did not go through: the
 * dialog stays open over what was typed, so trying again is one tap.
 */
export function ActionDialog({
  visible,
  title,
  confirmText,
  danger = false,
  loading = false,
  onConfirm,
  onCancel,
  className = '',
  error,
  children
}: {
  visible: boolean
  title: string
  confirmText: string
  danger?: boolean
  loading?: boolean
  onConfirm: () => void
  onCancel: () => void
  className?: string
  error?: string | undefined
  children?: ReactNode
}) {
  return (
    <Dialog
      className={`action-dialog ${className}`}
      visible={visible}
      title={title}
      closeOnOverlayClick={!loading}
      onClose={onCancel}
      onCancel={onCancel}
      footer={
        <View className='action-dialog-footer'>
          <Button className='cancel-action' fill='outline' disabled={loading} onClick={onCancel}>
            取消
          </Button>
          <Button className='confirm-action' type={danger ? 'danger' : 'primary'} loading={loading} onClick={onConfirm}>
            {confirmText}
          </Button>
        </View>
      }
    >
      <View className='action-dialog-body'>
        {children}
        {error ? <Text className='dialog-error'>{error}</Text> : null}
      </View>
    </Dialog>
  )
}
