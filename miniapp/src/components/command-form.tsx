import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { ComplaintView } from '@fangxin/shared'
import { ACTION_LABELS, allowedOf } from '@/lib/actions'
import {
  checkCommand,
  initialValues,
  type CommandDeclaration,
  type CommandField,
  type CommandValues,
  type FormCommand
} from '@/lib/command-draft'
import { keptForRetry } from '@/lib/command-outcome'
import { fieldErrorsFromApi, type FieldErrors } from '@/lib/field-errors'
import { addDays, shanghaiToday } from '@/lib/time'
import { ChoiceField } from './choices'
import type { LoadedComplaint } from './complaint-screen'
import { DateField } from './date-field'
import { FieldError } from './state-views'
import { LineField, TextField } from './text-field'
import './command-form.css'

type Send = LoadedComplaint['send']

/**
 * The commands of one role's page that the server allows this viewer now (`allowedActions`), as buttons
 * (`.action-<type>`); the chosen one opens its form underneath, one at a time. When none is allowed the
 * panel gives the status and `idle`.
 */
export function CommandPanel<T extends FormCommand>({
  title,
  order,
  commands,
  loaded: { complaint, send, sending },
  idle
}: {
  title: string
  order: readonly T[]
  commands: Readonly<Record<T, CommandDeclaration>>
  loaded: LoadedComplaint
  idle: string
}) {
  const [open, setOpen] = useState<T>()
  const actions = allowedOf(complaint.allowedActions, order)
  if (actions.length === 0) {
    return (
      <View className='no-actions'>
        <Text className='no-actions-text'>
          当前状态为「{complaint.statusLabel}」，{idle}
        </Text>
      </View>
    )
  }
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
            onClick={() => setOpen(open === action ? undefined : action)}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </View>
      {open ? (
        <View className={`action-form action-form-${open}`}>
          <CommandForm
            key={open}
            type={open}
            declaration={commands[open]}
            complaint={complaint}
            send={send}
            sending={sending}
            onDone={() => setOpen(undefined)}
          />
        </View>
      ) : null}
    </View>
  )
}

/**
 * One command's form, rendered from its declaration. Submitting checks the command with the shared
 * contract (`CommandInput`) and shows every problem by its field; only a valid command is sent, with the
 * version the person saw. A refusal naming a field lands there too; any other failure but a stale view
 * (no network, too many tries) is said by the submit button, the form open with what was typed.
 */
function CommandForm({
  type,
  declaration,
  complaint,
  send,
  sending,
  onDone
}: {
  type: FormCommand
  declaration: CommandDeclaration
  complaint: ComplaintView
  send: Send
  sending: boolean
  onDone: () => void
}) {
  const { fields } = declaration
  const [values, setValues] = useState<CommandValues>(() => initialValues(fields, complaint))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string>()

  const set = (changes: CommandValues) => {
    setValues((previous) => ({ ...previous, ...changes }))
    setErrors({})
    setFailure(undefined)
  }

  // Runs inside the tap, up to `send`: WeChat's subscription prompt only opens there.
  const submit = async () => {
    setErrors({})
    setFailure(undefined)
    const checked = checkCommand(type, fields, values)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    const outcome = await send(checked.command, declaration.done)
    if (outcome.ok) {
      onDone()
      return
    }
    if (outcome.failure === 'field') setErrors(fieldErrorsFromApi(outcome.error, 'command.') ?? {})
    else if (outcome.failure === 'other') setFailure(keptForRetry(outcome.error.message))
  }

  return (
    <View className={declaration.className}>
      {declaration.intro}
      {fields.map((field) => (
        <Field key={`${field.kind}-${field.name}`} field={field} complaint={complaint} values={values} errors={errors} set={set} />
      ))}
      <View className='submit-bar'>
        {declaration.note ? <Text className='submit-note'>{declaration.note}</Text> : null}
        {failure ? (
          <View className='form-error command-form-error'>
            <Text className='form-error-text'>{failure}</Text>
          </View>
        ) : null}
        <Button className='submit-action' type={declaration.danger ? 'danger' : 'primary'} block loading={sending} onClick={() => void submit()}>
          {declaration.submit}
        </Button>
        <Button className='cancel-form' fill='none' block disabled={sending} onClick={onDone}>
          取消
        </Button>
      </View>
    </View>
  )
}

function Field({
  field,
  complaint,
  values,
  errors,
  set
}: {
  field: CommandField
  complaint: ComplaintView
  values: CommandValues
  errors: FieldErrors
  set: (changes: CommandValues) => void
}) {
  const value = values[field.name]
  const error = errors[field.name]
  const onChange = (next: string) => set({ [field.name]: next })
  switch (field.kind) {
    case 'text':
      return (
        <TextField
          className={field.className}
          label={field.label}
          required={field.required ?? false}
          value={value ?? ''}
          onChange={onChange}
          maxLength={field.maxLength}
          placeholder={field.placeholder}
          hint={field.hint}
          error={error}
        />
      )
    case 'line':
    case 'amount':
      return (
        <LineField
          className={field.className}
          label={field.label}
          required={field.kind === 'line' && field.required === true}
          type={field.kind === 'amount' ? 'digit' : 'text'}
          value={value ?? ''}
          placeholder={field.placeholder ?? ''}
          maxLength={field.kind === 'amount' ? 11 : field.maxLength}
          clearable
          onChange={onChange}
          error={error}
        />
      )
    case 'choice': {
      const aside = field.aside?.(complaint)
      return (
        <ChoiceField
          className={field.className}
          label={field.label}
          vertical={field.vertical ?? false}
          aside={aside ? <Text className='field-hint-inline'>{aside}</Text> : null}
          options={field.options}
          value={value}
          onChange={(picked) => {
            const fill = field.fills
            const filled = fill && !values[fill.name]?.trim() ? { [fill.name]: fill.texts[picked] } : {}
            set({ [field.name]: picked, ...filled })
          }}
          error={error}
        />
      )
    }
    case 'date': {
      const today = shanghaiToday(new Date())
      return (
        <View className={`field-block ${field.className}`}>
          <Text className='field-label field-label--required'>{field.label}</Text>
          <DateField
            title={field.title}
            value={value}
            onChange={onChange}
            today={today}
            quick={field.quick}
            min={today}
            max={addDays(today, field.withinDays)}
          />
          <FieldError message={error} />
        </View>
      )
    }
    case 'templates':
      return (
        <View className={`field-block ${field.className}`}>
          <Text className='field-label'>{field.label}</Text>
          <View className='template-tags'>
            {field.templates(complaint).map((template) => (
              <Tag
                key={template.key}
                className={`template-tag template-${template.key}`}
                plain
                type='primary'
                onClick={() => onChange(template.text)}
              >
                {template.title}
              </Tag>
            ))}
          </View>
        </View>
      )
  }
}
