import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input } from '@nutui/nutui-react-taro'
import { CATALOGUE_COMMITMENT_CODES, COMMITMENT_CATALOGUE, type CatalogueCommitmentCode } from '@fangxin/shared'
import { FieldError } from '@/components/state-views'
import { TextField } from '@/components/text-field'
import type { FieldErrors } from '@/lib/field-errors'
import { MAX_CUSTOM_COMMITMENTS, RETURN_CODE, RETURN_DAYS, commitmentChoices, type CommitmentDraft } from '../commitment-draft'
import './commitment-picker.css'

// The draft's pure parts live in merchant/commitment-draft (unit-tested); the pages import them from here too.
export { MAX_CUSTOM_COMMITMENTS, commitmentChoices, draftFromPublic, emptyCommitmentDraft, type CommitmentDraft } from '../commitment-draft'

/**
 * Errors keyed as the contract's paths (`commitments`, `commitments.3.days`, `commitments.5.title`) mapped
 * back to the picker's parts, using the same order as {@link commitmentChoices}.
 */
function errorsFor(draft: CommitmentDraft, errors: FieldErrors, prefix: string) {
  const choices = commitmentChoices(draft)
  const at = (index: number, field: string) => (index >= 0 ? errors[`${prefix}.${index}.${field}`] : undefined)
  const returnIndex = choices.findIndex((choice) => choice.kind === 'catalogue' && choice.code === RETURN_CODE)
  const firstCustom = choices.findIndex((choice) => choice.kind === 'custom')
  let customIndex = firstCustom
  const custom = draft.custom.map((entry) => {
    if (entry.title.trim() === '' && entry.text.trim() === '') return {}
    const index = customIndex++
    return { title: at(index, 'title'), text: at(index, 'text') }
  })
  // Anything else under the prefix (the list itself, an unknown item) goes under the whole picker.
  const other = Object.entries(errors).find(
    ([field]) => field === prefix || (field.startsWith(`${prefix}.`) && !/\.(days|title|text)$/.test(field))
  )?.[1]
  return { list: other, days: at(returnIndex, 'days'), custom }
}

const explanationOf = (code: CatalogueCommitmentCode, days: string) =>
  COMMITMENT_CATALOGUE[code].explanation.replace('{days}', days.trim() || String(RETURN_DAYS?.default ?? 7))

/**
 * Which commitments the shop makes in public: a checkbox per catalogue entry (`.option-<code>`) with its
 * plain-language meaning, the days for 线下无理由退货, and up to two of the shop's own.
 */
export function CommitmentPicker({
  value,
  onChange,
  errors,
  prefix = 'commitments'
}: {
  value: CommitmentDraft
  onChange: (draft: CommitmentDraft) => void
  /** Field errors with the contract's paths; those under `prefix` are shown here. */
  errors: FieldErrors
  prefix?: string
}) {
  const shown = errorsFor(value, errors, prefix)
  const toggle = (code: CatalogueCommitmentCode, checked: boolean) =>
    onChange({
      ...value,
      selected: checked ? [...value.selected.filter((c) => c !== code), code] : value.selected.filter((c) => c !== code)
    })
  const setCustom = (index: number, patch: Partial<{ title: string; text: string }>) =>
    onChange({ ...value, custom: value.custom.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)) })

  return (
    <View className='commitment-picker'>
      {CATALOGUE_COMMITMENT_CODES.map((code) => {
        const checked = value.selected.includes(code)
        return (
          <View key={code} className={`commitment-option ${checked ? 'commitment-option--checked' : ''}`}>
            <Checkbox
              className={`option-${code}`}
              checked={checked}
              onChange={(next) => toggle(code, next)}
              label={COMMITMENT_CATALOGUE[code].title}
            />
            <Text className='commitment-option-explanation'>{explanationOf(code, value.days)}</Text>
            {code === RETURN_CODE && checked ? (
              <View className='field-return-days'>
                <Text className='return-days-label'>退货期限（{RETURN_DAYS?.min ?? 1}–{RETURN_DAYS?.max ?? 90} 天）</Text>
                <View className='return-days-input'>
                  <Input
                    type='number'
                    value={value.days}
                    maxLength={2}
                    placeholder='7'
                    onChange={(days) => onChange({ ...value, days })}
                  />
                  <Text className='return-days-unit'>天</Text>
                </View>
                <FieldError message={shown.days} />
              </View>
            ) : null}
          </View>
        )
      })}

      {value.custom.map((entry, index) => (
        <View key={index} className={`custom-commitment custom-commitment-${index + 1}`}>
          <View className='custom-commitment-head'>
            <Text className='custom-commitment-title'>自定承诺 {index + 1}</Text>
            <Button
              className='remove-custom-commitment'
              size='mini'
              fill='none'
              onClick={() => onChange({ ...value, custom: value.custom.filter((_, i) => i !== index) })}
            >
              删除
            </Button>
          </View>
          <View className='field-custom-title'>
            <Text className='custom-commitment-label'>承诺标题</Text>
            <Input
              value={entry.title}
              maxLength={20}
              placeholder='承诺标题，如「免费送货上门」（2–20 字）'
              onChange={(title) => setCustom(index, { title })}
            />
            <FieldError message={shown.custom[index]?.title} />
          </View>
          <TextField
            className='field-custom-text'
            label='承诺内容'
            value={entry.text}
            onChange={(text) => setCustom(index, { text })}
            maxLength={200}
            rows={3}
            placeholder='用顾客看得懂的话写清楚承诺什么（4–200 字）'
            error={shown.custom[index]?.text}
          />
        </View>
      ))}
      {value.custom.length < MAX_CUSTOM_COMMITMENTS ? (
        <Button
          className='add-custom-commitment'
          size='small'
          fill='outline'
          onClick={() => onChange({ ...value, custom: [...value.custom, { title: '', text: '' }] })}
        >
          添加自定承诺（{value.custom.length}/{MAX_CUSTOM_COMMITMENTS}）
        </Button>
      ) : null}
      <FieldError message={shown.list} />
    </View>
  )
}
