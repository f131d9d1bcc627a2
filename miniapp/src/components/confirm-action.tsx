import { useRef, useState } from 'react'
import { Text } from '@tarojs/components'
import { toApiError } from '@/api/client'
import { commandFailureOf } from '@/lib/command-outcome'
import { characterLength } from '@/lib/text-limit'
import { ActionDialog } from './action-dialog'
import { TextField } from './text-field'

/** One action waiting for the person's yes: what the dialog says, and the request itself. */
export interface PendingAction {
  title: string
  confirmText: string
  /** What will happen, in a sentence: who will (no longer) see what. */
  effect: string
  danger?: boolean
  /** The dialog's own class (`<name>-dialog`), for tests and styles. */
  className: string
  /**
   * When the action needs the person's reason (it is recorded and audited), the dialog asks for it: at least
   * `min` characters, at most `max`, as the contract says.
   */
  reason?: { label: string; placeholder: string; min: number; max: number }
  /** Sends the request (with the reason, when one was asked) and shows its outcome on the page; throws when it did not go through. */
  run: (reason: string) => Promise<void>
}

/**
 * Confirms a one-tap action that changes what the public sees or removes something (as the moderation page
 * does): the dialog says what will happen; the request goes once, a second tap while it runs does nothing;
 * a stale view (someone else acted first, the item is gone) closes it and `onStale` tells the page, which
 * refreshes; any other failure stays in the dialog, to try again.
 */
export function ConfirmActionDialog({ action, onClose, onStale }: { action: PendingAction; onClose: () => void; onStale: (message: string) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string>()
  // State lands after the next render; a second tap in the same tick must already see the first.
  const inFlight = useRef(false)

  const confirm = async () => {
    if (inFlight.current) return
    const asked = action.reason
    if (asked && characterLength(reason.trim()) < asked.min) return void setReasonError(`请填写${asked.label}（至少 ${asked.min} 个字）`)
    setReasonError(undefined)
    inFlight.current = true
    setBusy(true)
    setError(undefined)
    try {
      await action.run(reason.trim())
      onClose()
    } catch (raw) {
      const failure = toApiError(raw)
      const kind = commandFailureOf(failure)
      if (kind === 'stale') {
        onClose()
        onStale(failure.message)
      } else if (kind !== 'sign-in') {
        if (action.reason && failure.field === 'reason') setReasonError(failure.message)
        else setError(failure.message)
      }
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  return (
    <ActionDialog
      className={action.className}
      visible
      title={action.title}
      confirmText={action.confirmText}
      danger={action.danger ?? false}
      loading={busy}
      onConfirm={() => void confirm()}
      onCancel={() => {
        if (!inFlight.current) onClose()
      }}
      error={error}
    >
      <Text className='confirm-action-effect'>{action.effect}</Text>
      {action.reason ? (
        <TextField
          className='field-action-reason'
          label={action.reason.label}
          required
          value={reason}
          onChange={setReason}
          maxLength={action.reason.max}
          placeholder={action.reason.placeholder}
          error={reasonError}
          rows={3}
        />
      ) : null}
    </ActionDialog>
  )
}
