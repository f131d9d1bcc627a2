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
import { keptForRetry, movedOnText, sendAnywayLabel, sinceFormOpened } from '@/lib/command-outcome'
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
 * panel gives the status and `idle` (and keeps a form that was open, see CommandForm).
 */
export function CommandPanel<T extends FormCommand>({
  title,
  order,
  commands,
  loaded: { complaint, send, sending, lostTry },
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
  const idleText = (
    <Text className='no-actions-text'>
      当前状态为「{complaint.statusLabel}」，{idle}
    </Text>
  )
  if (actions.length === 0 && !open) return <View className='no-actions'>{idleText}</View>
  return (
    <View className='action-panel'>
      <Text className='action-panel-title'>{title}</Text>
      {/* A form opened before the complaint moved on stays, with what was typed, until the person closes it. */}
      {actions.length === 0 ? (
        <View className='no-actions'>{idleText}</View>
      ) : (
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
      )}
      {open ? (
        <View className={`action-form action-form-${open}`}>
          <CommandForm
            key={open}
            type={open}
            declaration={commands[open]}
            complaint={complaint}
            allowed={actions.includes(open)}
            send={send}
            sending={sending}
            lostTry={lostTry}
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
 *
 * The form remembers the complaint it was filled against. Once the one on screen has moved on (a 409, a
 * pull-down) a tap does not simply send what was typed for the complaint as it was: when the next step is
 * the person's own command — a try whose answer was lost went through — it is reported done and the form
 * closes; when others acted, the form keeps the text, says what happened, and sends only on one more,
 * deliberate tap (「仍要…」). An action no longer allowed keeps the text but cannot be sent.
 */
function CommandForm({
  type,
  declaration,
  complaint,
  allowed,
  send,
  sending,
  lostTry,
  onDone
}: {
  type: FormCommand
  declaration: CommandDeclaration
  complaint: ComplaintView
  allowed: boolean
  send: Send
  sending: boolean
  lostTry: LoadedComplaint['lostTry']
  onDone: () => void
}) {
  const { fields } = declaration
  const [values, setValues] = useState<CommandValues>(() => initialValues(fields, complaint))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string>()
  // The complaint the typed values answer; moved on to the one on screen once the person has been told.
  const [opened, setOpened] = useState(complaint)
  const [movedOn, setMovedOn] = useState<string>()

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
    const outcome = await send(checked.command, declaration.done, opened)
    if (outcome.ok) {
      onDone()
      return
    }
    switch (outcome.failure) {
      case 'field':
        setErrors(fieldErrorsFromApi(outcome.error, 'command.') ?? {})
        return
      case 'other':
        setFailure(keptForRetry(outcome.error.message))
        return
      case 'moved':
        setOpened(outcome.complaint)
        setMovedOn(movedOnText(outcome.steps, declaration.submit))
        return
      case 'stale':
        // The page notice says who acted first. Without a fresh complaint nothing is known yet: the next tap
        // is refused again (same version) until a pull-down brings it.
        if (outcome.complaint) {
          // Named as the timeline words them, as when the complaint moved on before the tap.
          const since = sinceFormOpened(opened, outcome.complaint, checked.command, lostTry())
          setOpened(outcome.complaint)
          setMovedOn(movedOnText(since.kind === 'moved' ? since.steps : [], declaration.submit))
        } else setFailure('未能确认这件投诉的最新进展，请下拉页面刷新后再决定是否提交；您填写的内容已保留。')
        return
      default:
        return
    }
  }

  const submitLabel = movedOn ? sendAnywayLabel(declaration.submit) : declaration.submit
  // No longer allowed because the person's own earlier try went through (its answer was lost, then a pull-down
  // or a reload showed the step): that is done, not a step someone else took.
  const typed = allowed ? undefined : checkCommand(type, fields, values)
  const doneEarlier = typed?.ok === true && sinceFormOpened(opened, complaint, typed.command, lostTry()).kind === 'own'
  return (
    <View className={declaration.className}>
      {declaration.intro}
      {fields.map((field) => (
        <Field key={`${field.kind}-${field.name}`} field={field} complaint={complaint} values={values} errors={errors} set={set} />
      ))}
      <View className='submit-bar'>
        {declaration.note ? <Text className='submit-note'>{declaration.note}</Text> : null}
        {allowed && movedOn ? (
          <View className='form-error command-form-moved'>
            <Text className='form-error-text'>{movedOn}</Text>
          </View>
        ) : null}
        {doneEarlier ? (
          <View className='form-done command-form-done-earlier'>
            <Text className='form-done-text'>{declaration.done}：您上次的提交已经成功，没有重复提交。请查看下方「处理进度」。</Text>
          </View>
        ) : null}
        {!allowed && !doneEarlier ? (
          <View className='form-error command-form-not-allowed'>
            <Text className='form-error-text'>
              这件投诉已有新进展（当前状态为「{complaint.statusLabel}」），现在不能再「{ACTION_LABELS[type]}」。请查看下方「处理进度」；您填写的内容仍在上面。
            </Text>
          </View>
        ) : null}
        {failure ? (
          <View className='form-error command-form-error'>
            <Text className='form-error-text'>{failure}</Text>
          </View>
        ) : null}
        <Button
          className={`submit-action ${movedOn ? 'submit-action--anyway' : ''}`}
          type={declaration.danger ? 'danger' : 'primary'}
          block
          loading={sending}
          disabled={!allowed}
          onClick={() => {
            setMovedOn(undefined)
            void submit()
          }}
        >
          {submitLabel}
        </Button>
        <Button className='cancel-form' fill='none' block disabled={sending} onClick={onDone}>
          {doneEarlier ? '关闭' : '取消'}
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
