import { useState } from 'react'

/**
 * A typed-in value whose every edit also runs `onEdit` — typically clearing the error shown for it,
 * which no longer describes what is in the field.
 */
export function useText(onEdit: () => void, initial = ''): [string, (value: string) => void] {
  const [text, setText] = useState(initial)
  return [
    text,
    (value: string) => {
      setText(value)
      onEdit()
    }
  ]
}
