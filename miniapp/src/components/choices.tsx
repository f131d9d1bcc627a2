import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Radio, RadioGroup } from '@nutui/nutui-react-taro'
import { FieldError } from './state-views'
import './common.css'

export interface ChoiceOption<T extends string> {
  value: T
  label: string
  /** Used in the option's class name (`option-<code>`); defaults to the value. */
  code?: string
}

/**
 * One choice out of a short fixed list, every option visible and one tap away (NutUI radio buttons
 * rather than a popup picker: faster on a phone, and each option has a stable class, `option-<code>`).
 */
export function Choices<T extends string>({
  options,
  value,
  onChange,
  className = '',
  optionClassPrefix = 'option-',
  vertical = false
}: {
  options: readonly ChoiceOption<T>[]
  value: T | undefined
  onChange: (value: T) => void
  className?: string
  optionClassPrefix?: string
  vertical?: boolean
}) {
  return (
    <RadioGroup
      className={`choices ${vertical ? 'choices--vertical' : ''} ${className}`}
      value={value ?? ''}
      direction={vertical ? 'vertical' : 'horizontal'}
      onChange={(picked) => {
        const option = options.find((candidate) => candidate.value === String(picked))
        if (option) onChange(option.value)
      }}
    >
      {options.map((option) => (
        <Radio
          key={option.code ?? option.value}
          className={`${optionClassPrefix}${option.code ?? option.value}`}
          shape={vertical ? 'round' : 'button'}
          value={option.value}
        >
          {option.label}
        </Radio>
      ))}
    </RadioGroup>
  )
}

/**
 * A labelled choice with its error underneath — the choice twin of TextField. The wrapper carries
 * `className`, so `.field-x .option-y` finds an option; `aside` sits between label and options (a hint).
 */
export function ChoiceField<T extends string>({
  className,
  label,
  required = true,
  aside,
  error,
  ...choices
}: {
  className: string
  label: string
  required?: boolean
  aside?: ReactNode
  error: string | undefined
  options: readonly ChoiceOption<T>[]
  value: T | undefined
  onChange: (value: T) => void
  vertical?: boolean
}) {
  return (
    <View className={`field-block ${className}`}>
      <Text className={`field-label ${required ? 'field-label--required' : ''}`}>{label}</Text>
      {aside}
      <Choices {...choices} />
      <FieldError message={error} />
    </View>
  )
}

/** `{ code: label }` catalogues from shared as choice options. */
export function optionsOf<T extends string>(catalogue: Readonly<Record<T, string>>): ChoiceOption<T>[] {
  return (Object.keys(catalogue) as T[]).map((value) => ({ value, label: catalogue[value] }))
}
