import type { ComponentProps, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { characterLength, unitsFor, withinCharacters } from '@/lib/text-limit'
import { FieldError } from './state-views'
import './common.css'

/**
 * A labelled free-text field with a character counter and its error underneath. The wrapper carries
 * `className`, so `.field-x textarea` finds the input. The height is fixed by `rows` (3–5) rather than
 * grown with the text: NutUI's auto-size does not notice text put in by a template. The limit and the counter
 * are in characters, as the server counts: NutUI's own count and cut are in UTF-16 units (lib/text-limit.ts).
 */
export function TextField({
  className,
  label,
  required = false,
  value,
  onChange,
  maxLength,
  placeholder,
  hint,
  error,
  rows = 4
}: {
  className: string
  label: string
  required?: boolean
  value: string
  onChange: (value: string) => void
  maxLength: number
  placeholder?: string
  hint?: string
  error: string | undefined
  rows?: number
}) {
  return (
    <View className={`field-block text-field text-field--rows-${rows} ${className}`}>
      <Text className={`field-label ${required ? 'field-label--required' : ''}`}>{label}</Text>
      <TextArea
        value={value}
        onChange={(text) => onChange(withinCharacters(text, maxLength))}
        maxLength={unitsFor(maxLength)}
        rows={rows}
        placeholder={placeholder ?? ''}
        status={error ? 'error' : 'default'}
      />
      <Text className='text-field-count'>
        {characterLength(value)}/{maxLength}
      </Text>
      {hint && !error ? <Text className='field-hint'>{hint}</Text> : null}
      <FieldError message={error} />
    </View>
  )
}

/**
 * A labelled one-line input with its error underneath — the one-line twin of TextField. The wrapper
 * carries `className`, so `.field-x input` finds the input; the rest of the props are the input's, with
 * `maxLength` in characters as for TextField. `children` come after the error (a switch that belongs to the
 * field, say).
 */
export function LineField({
  className,
  label,
  required = false,
  error,
  children,
  maxLength,
  onChange,
  ...input
}: {
  className: string
  label: string
  required?: boolean
  error: string | undefined
  children?: ReactNode
} & Omit<ComponentProps<typeof Input>, 'className' | 'children'>) {
  return (
    <View className={`field-block ${className}`}>
      <Text className={`field-label ${required ? 'field-label--required' : ''}`}>{label}</Text>
      <Input
        {...input}
        {...(maxLength === undefined ? {} : { maxLength: unitsFor(maxLength) })}
        onChange={(text) => onChange?.(maxLength === undefined ? text : withinCharacters(text, maxLength))}
      />
      <FieldError message={error} />
      {children}
    </View>
  )
}
