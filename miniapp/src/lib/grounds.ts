import { REFUSAL_GROUNDS, TERMINATION_GROUNDS, groundsOf, type ComplaintOrder, type Ground } from '@fangxin/shared'
import type { ChoiceOption } from '../components/choices'

/**
 * The grounds staff choose from when refusing a complaint (不予受理) or ending mediation (终止调解): those of
 * the SAMR order the county works under (the clock rules' preset says which), each with the article it
 * rests on, so the choice reads as the order does — 「第十六条：冒用他人名义投诉，或者拒绝配合身份核验」.
 */
export type GroundKind = 'refusal' | 'termination'

const CATALOGUES: Record<GroundKind, Readonly<Record<string, Ground>>> = {
  refusal: REFUSAL_GROUNDS,
  termination: TERMINATION_GROUNDS
}

/** The label a ground shows: its article, then its words. */
export const groundLabel = (ground: Pick<Ground, 'article' | 'label'>) => `${ground.article}：${ground.label}`

/** One order's grounds of a kind, as choice options (value: the ground's code), in the order's own order. */
export function groundOptions(kind: GroundKind, order: ComplaintOrder): ChoiceOption<string>[] {
  const catalogue = CATALOGUES[kind]
  return groundsOf(catalogue, order).map((code) => ({ value: code, label: groundLabel(catalogue[code]) }))
}
