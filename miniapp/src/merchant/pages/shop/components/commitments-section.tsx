import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import * as z from 'zod/mini'
import { CommitmentsUpdate, routes, type MerchantPublicView } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import type { Notice } from '@/components/state-views'
import { fieldErrorsFromApi, fieldErrorsOf, type FieldErrors } from '@/lib/field-errors'
import { CommitmentPicker, commitmentChoices, draftFromPublic, type CommitmentDraft } from '../../../components/commitment-picker'

/**
 * 本店承诺: the commitments the shop makes in public. The owner edits them, checked with the contract's
 * schema; each save is a new version from today, and complaints filed before keep the version they cited.
 */
export function CommitmentsSection({
  shop,
  isOwner,
  onSaved,
  onNotice
}: {
  shop: MerchantPublicView
  isOwner: boolean
  onSaved: () => void
  onNotice: (notice: Notice | undefined) => void
}) {
  const [draft, setDraft] = useState<CommitmentDraft>()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const [version, setVersion] = useState<{ number: number; since: string }>()

  const save = async () => {
    if (!draft || saving) return
    // The version this edit started from (the one just saved, if the owner saved before).
    const body = { commitments: commitmentChoices(draft), version: version?.number ?? shop.commitmentsVersion }
    const parsed = z.pick(CommitmentsUpdate, { commitments: true, version: true }).safeParse(body)
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues))
      return
    }
    setSaving(true)
    onNotice(undefined)
    try {
      const updated = await call(routes.updateCommitments, { params: { id: shop.id }, body })
      setVersion({ number: updated.commitmentsVersion, since: updated.commitmentsSince })
      setDraft(undefined)
      setErrors({})
      onNotice({ kind: 'success', text: `承诺已更新为第 ${updated.commitmentsVersion} 版，自 ${updated.commitmentsSince} 起生效` })
      onSaved()
    } catch (raw) {
      const error = toApiError(raw)
      const byField = fieldErrorsFromApi(error)
      if (byField) setErrors(byField)
      else onNotice({ kind: 'error', text: error.message })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='shop-section shop-commitments'>
      <Text className='shop-section-title'>本店承诺</Text>
      {version ? (
        <Text className='commitments-version'>
          当前为第 {version.number} 版，自 {version.since} 起生效；此前提交的投诉仍按当时的承诺处理。
        </Text>
      ) : (
        <Text className='commitments-since'>以下承诺自 {shop.commitmentsSince} 起生效</Text>
      )}
      {draft ? (
        <View className='field-commitments'>
          <CommitmentPicker
            value={draft}
            onChange={(next) => {
              setDraft(next)
              setErrors({})
            }}
            errors={errors}
          />
          <View className='commitments-actions'>
            <Button className='save-commitments' type='primary' block loading={saving} onClick={() => void save()}>
              保存并公示（今日生效）
            </Button>
            <Button className='cancel-commitments' fill='none' block disabled={saving} onClick={() => setDraft(undefined)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View>
          {shop.commitments.map((commitment) => (
            <View key={commitment.key} className='shop-commitment'>
              <Text className='shop-commitment-title'>{commitment.title}</Text>
              <Text className='shop-commitment-text'>{commitment.explanation}</Text>
            </View>
          ))}
          {isOwner ? (
            <Button
              className='edit-commitments'
              fill='outline'
              block
              onClick={() => {
                setErrors({})
                setDraft(draftFromPublic(shop.commitments))
              }}
            >
              修改承诺
            </Button>
          ) : null}
        </View>
      )}
    </View>
  )
}
