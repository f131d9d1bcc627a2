import type { ReactNode } from 'react'
import { CommandInput, type ComplaintView } from '@fangxin/shared'
import type { ChoiceOption } from '../components/choices'
import type { QuickDate } from '../components/date-field'
import { fieldErrorsOf, type FieldErrors } from './field-errors'

/**
 * The pure half of the declarative command form (components/command-form.tsx): how a command's form is
 * declared, and how the values typed into it become a command the shared contract accepts. No Taro here,
 * so unit tests can run it.
 */

/** The commands a role's page may declare a form for: those a person sends (never the system's own). */
export type FormCommand = CommandInput['type']

interface FieldBase {
  /**
   * Where the value goes in the command, as a dotted path (`text`, `proposal.amount`) — also the path of
   * the contract's error for it, so each message lands under its own field.
   */
  name: string
  /** The wrapper's class (`field-<x>`): styles and the e2e tests find the field by it. */
  className: string
  label: string
  /** The value the form opens with, taken from the complaint (the consumer's own wish, say). */
  initial?: (complaint: ComplaintView) => string | undefined
}

/** A suggested text for a free-text field: tapping it fills the field, which stays editable. */
export interface TextTemplate {
  /** Class name suffix: `template-<key>`. */
  key: string
  title: string
  text: string
}

/**
 * One field of a command's form. A required text goes into the command even when blank, so the contract
 * names it in its own words; any other field is left out until it has a value.
 */
export type CommandField =
  | (FieldBase & { kind: 'text'; required?: boolean; maxLength: number; placeholder?: string; hint?: string })
  | (FieldBase & { kind: 'line'; required?: boolean; maxLength: number; placeholder?: string })
  | (FieldBase & { kind: 'amount'; placeholder: string })
  | (FieldBase & {
      kind: 'choice'
      options: readonly ChoiceOption<string>[]
      vertical?: boolean
      /** A line between label and options, when there is something to say. */
      aside?: (complaint: ComplaintView) => string | undefined
      /** Picking an option puts its text into another field, unless that field has been written in. */
      fills?: { name: string; texts: Readonly<Record<string, string>> }
    })
  | (FieldBase & { kind: 'date'; title: string; quick: readonly QuickDate[]; withinDays: number })
  /** Not a value of its own: suggested texts for the field `name`. */
  | (FieldBase & { kind: 'templates'; templates: (complaint: ComplaintView) => readonly TextTemplate[] })

/** How one command is asked for: its fields, what the submit button says and what follows from it. */
export interface CommandDeclaration {
  fields: readonly CommandField[]
  submit: string
  /** What will happen, above the submit button. */
  note?: string
  danger?: boolean
  /** The page notice once the server has taken it. */
  done: string
  /** The form's own class, when styles or tests need one. */
  className?: string
  /** Shown above the fields. */
  intro?: ReactNode
}

export type CommandValues = Readonly<Record<string, string | undefined>>

const valueFields = (fields: readonly CommandField[]) => fields.filter((field) => field.kind !== 'templates')
const alwaysSent = (field: CommandField) => (field.kind === 'text' || field.kind === 'line') && field.required === true

/** The values a form opens with. */
export function initialValues(fields: readonly CommandField[], complaint: ComplaintView): CommandValues {
  return Object.fromEntries(valueFields(fields).map((field) => [field.name, field.initial?.(complaint)]))
}

/** The command a form's values make, unchecked: trimmed values at their paths, blanks left out (but required texts). */
export function commandOf(type: FormCommand, fields: readonly CommandField[], values: CommandValues): Record<string, unknown> {
  const command: Record<string, unknown> = { type }
  for (const field of valueFields(fields)) {
    const value = values[field.name]?.trim() ?? ''
    if (value === '' && !alwaysSent(field)) continue
    const path = field.name.split('.')
    let target = command
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>
    target[path[path.length - 1]!] = value
  }
  return command
}

/** The command checked with the shared contract: ready to send, or every problem by field path. */
export function checkCommand(
  type: FormCommand,
  fields: readonly CommandField[],
  values: CommandValues
): { ok: true; command: CommandInput } | { ok: false; errors: FieldErrors } {
  const parsed = CommandInput.safeParse(commandOf(type, fields, values))
  return parsed.success ? { ok: true, command: parsed.data } : { ok: false, errors: fieldErrorsOf(parsed.error.issues) }
}
