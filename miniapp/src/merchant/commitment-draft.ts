import {
  CATALOGUE_COMMITMENT_CODES,
  COMMITMENT_CATALOGUE,
  type CatalogueCommitmentCode,
  type CommitmentChoice,
  type PublicCommitment
} from '@fangxin/shared'

/**
 * The commitment picker's draft and what it becomes (merchant/components/commitment-picker shows it). Pure,
 * so unit tests pin what is sent and what a refresh after a version conflict tells the owner.
 */

/** A shop may add at most this many commitments in its own words (the plan's catalogue comes first). */
export const MAX_CUSTOM_COMMITMENTS = 2

export const RETURN_CODE = 'offline_no_reason_return'
export const RETURN_DAYS = COMMITMENT_CATALOGUE[RETURN_CODE].days

/** The picker as the merchant fills it in; {@link commitmentChoices} turns it into the contract's list. */
export interface CommitmentDraft {
  selected: CatalogueCommitmentCode[]
  /** 线下无理由退货 days, as typed. */
  days: string
  custom: Array<{ title: string; text: string }>
}

export const emptyCommitmentDraft = (): CommitmentDraft => ({
  selected: [],
  days: String(RETURN_DAYS?.default ?? 7),
  custom: []
})

/**
 * The contract's commitment list: catalogue entries in catalogue order (the order the public reads them),
 * then the shop's own. A custom block left entirely blank is dropped; a half-filled one is sent, so the
 * schema says what is missing.
 */
export function commitmentChoices(draft: CommitmentDraft): CommitmentChoice[] {
  const catalogue: CommitmentChoice[] = CATALOGUE_COMMITMENT_CODES.filter((code) => draft.selected.includes(code)).map((code) =>
    // Left empty, the days are the catalogue's default (what the explanation then shows).
    code === RETURN_CODE && draft.days.trim() !== '' ? { kind: 'catalogue', code, days: Number(draft.days) } : { kind: 'catalogue', code }
  )
  const custom: CommitmentChoice[] = draft.custom
    .filter((entry) => entry.title.trim() !== '' || entry.text.trim() !== '')
    .map((entry) => ({ kind: 'custom', title: entry.title, text: entry.text }))
  return [...catalogue, ...custom]
}

const isCatalogueCode = (key: string): key is CatalogueCommitmentCode => (CATALOGUE_COMMITMENT_CODES as readonly string[]).includes(key)

/**
 * The picker filled in with the commitments a shop shows in public (its page is what the app can read):
 * catalogue keys are codes, the return days lead the title (「15天线下无理由退货」), custom ones keep their words.
 */
export function draftFromPublic(commitments: readonly PublicCommitment[]): CommitmentDraft {
  const draft = emptyCommitmentDraft()
  for (const commitment of commitments) {
    if (commitment.custom) {
      draft.custom.push({ title: commitment.title, text: commitment.explanation })
    } else if (isCatalogueCode(commitment.key)) {
      draft.selected.push(commitment.key)
      const days = /^(\d+)天/.exec(commitment.title)?.[1]
      if (commitment.key === RETURN_CODE && days) draft.days = days
    }
  }
  draft.custom = draft.custom.slice(0, MAX_CUSTOM_COMMITMENTS)
  return draft
}

/** What a refresh after a version conflict (409) means for the owner's open edit. */
export type CommitmentsRefresh =
  /** The commitments in force are already the draft: an earlier save whose answer was lost went through. */
  | { kind: 'saved'; text: string }
  /** Someone saved another version meanwhile: the draft stays open, over the new version, with what changed. */
  | { kind: 'changed'; text: string }
  /** The shop page read was no newer than the version refused (it is cached for up to a minute): try again later. */
  | { kind: 'not-yet'; text: string }

/** Two lists the same when sent: the same choices in the same order, words compared without outer spaces. */
function sameChoices(a: readonly CommitmentChoice[], b: readonly CommitmentChoice[]): boolean {
  const key = (choice: CommitmentChoice) =>
    choice.kind === 'catalogue' ? `c:${choice.code}:${choice.days ?? ''}` : `u:${choice.title.trim()}:${choice.text.trim()}`
  return a.length === b.length && a.every((choice, index) => key(choice) === key(b[index]!))
}

/**
 * After 「刷新」 on a version conflict: `refused` is the version the save was refused on, `before` what was in
 * force when the owner started editing, `fresh` what the shop page reads now (version `version`, from
 * `since`). The draft itself is never changed here: the section keeps it open unless it is already saved.
 */
export function commitmentsRefreshed(
  draft: CommitmentDraft,
  refused: number,
  before: readonly PublicCommitment[],
  fresh: { commitments: readonly PublicCommitment[]; version: number; since: string }
): CommitmentsRefresh {
  if (fresh.version <= refused) {
    return { kind: 'not-yet', text: '暂未读到更新后的承诺（店铺信息约有 1 分钟延迟），请稍后再点「刷新」。您的修改仍保留在下方。' }
  }
  const now = `第 ${fresh.version} 版，自 ${fresh.since} 起生效`
  if (sameChoices(commitmentChoices(draft), commitmentChoices(draftFromPublic(fresh.commitments)))) {
    return { kind: 'saved', text: `您的修改已经保存：本店承诺现为${now}` }
  }
  const titles = (list: readonly PublicCommitment[]) => list.map((commitment) => commitment.title)
  const added = titles(fresh.commitments).filter((title) => !titles(before).includes(title))
  const removed = titles(before).filter((title) => !titles(fresh.commitments).includes(title))
  const quoted = (list: string[]) => list.map((title) => `「${title}」`).join('')
  const changes = [added.length ? `新增${quoted(added)}` : '', removed.length ? `取消${quoted(removed)}` : ''].filter(Boolean).join('，')
  return {
    kind: 'changed',
    text: `本店承诺已被他人更新为${now}${changes ? `（${changes}）` : ''}。您的修改仍保留在下方，请核对后再保存。`
  }
}
