import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './action-panel.css'

/**
 * The actions the server allows this viewer, as buttons (`.action-<type>`); the chosen one opens its form
 * underneath. Only one form is open at a time.
 */
export function ActionPanel<T extends string>({
  title,
  actions,
  labels,
  open,
  onOpen,
  children
}: {
  title: string
  actions: readonly T[]
  labels: Readonly<Record<T, string>>
  open: T | undefined
  onOpen: (action: T | undefined) => void
  /** The open action's form. */
  children: ReactNode
}) {
  return (
    <View className='action-panel'>
      <Text className='action-panel-title'>{title}</Text>
      <View className='action-panel-buttons'>
        {actions.map((action) => (
          <Button
            key={action}
            className={`action-button action-${action} ${open === action ? 'action-button--open' : ''}`}
            type='primary'
            fill={open === action ? 'solid' : 'outline'}
            size='small'
            onClick={() => onOpen(open === action ? undefined : action)}
          >
            {labels[action]}
          </Button>
        ))}
      </View>
      {open ? <View className={`action-form action-form-${open}`}>{children}</View> : null}
    </View>
  )
}

/** A form's submit (`.submit-action`) and cancel buttons, with a line saying what will happen. */
export function SubmitBar({
  label,
  note,
  loading,
  danger = false,
  onSubmit,
  onCancel
}: {
  label: string
  note?: string
  loading: boolean
  danger?: boolean
  onSubmit: () => void
  onCancel: () => void
}) {
  return (
    <View className='submit-bar'>
      {note ? <Text className='submit-note'>{note}</Text> : null}
      <Button className='submit-action' type={danger ? 'danger' : 'primary'} block loading={loading} onClick={onSubmit}>
        {label}
      </Button>
      <Button className='cancel-form' fill='none' block disabled={loading} onClick={onCancel}>
        取消
      </Button>
    </View>
  )
}
