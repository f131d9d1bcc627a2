import { useState } from 'react'
import { View } from '@tarojs/components'
import { Cell, DatePicker } from '@nutui/nutui-react-taro'
import { addDays, isoDateToPickerDate, pickerDateToIso } from '@/lib/time'
import { Choices, type ChoiceOption } from './choices'
import './common.css'

export interface QuickDate {
  /** Class name suffix: `option-<code>`. */
  code: string
  label: string
  /** Days from `today`. */
  offset: number
}

/**
 * A date (YYYY-MM-DD): the usual answers as one-tap choices, any other from NutUI's date picker.
 * `min`/`max` bound both.
 */
export function DateField({
  value,
  onChange,
  today,
  quick,
  min,
  max,
  title
}: {
  value: string | undefined
  onChange: (value: string) => void
  today: string
  quick: readonly QuickDate[]
  min: string
  max: string
  title: string
}) {
  const [open, setOpen] = useState(false)
  const options: ChoiceOption<string>[] = quick
    .map((q) => ({ value: addDays(today, q.offset), label: q.label, code: q.code }))
    .filter((option) => option.value >= min && option.value <= max)
  return (
    <View className='date-field'>
      <Choices options={options} value={value} onChange={onChange} />
      <Cell
        className='date-field-pick'
        title={value ? `已选：${value}` : '其他日期'}
        extra='选择日期'
        clickable
        onClick={() => setOpen(true)}
      />
      <DatePicker
        title={title}
        type='date'
        visible={open}
        showChinese
        startDate={isoDateToPickerDate(min)}
        endDate={isoDateToPickerDate(max)}
        defaultValue={isoDateToPickerDate(value ?? (today < max ? today : max))}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => {
          const [y, m, d] = values.map(Number)
          if (y && m && d) onChange(pickerDateToIso(new Date(y, m - 1, d, 12)))
        }}
      />
    </View>
  )
}
