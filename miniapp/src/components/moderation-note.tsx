import { Text, View } from '@tarojs/components'
import { textCheckLabel, type ModerationState, type TextModerationView } from '@fangxin/shared'
import './moderation-note.css'

/** WeChat's label in words (the server sends staff the number only). */
export const wechatLabelText = textCheckLabel

/** The state in a reviewer's words; 复检 as the server's queue calls it, so both pages read the same. */
const STAFF_STATES: Record<ModerationState, string> = {
  pass: '已通过',
  held: '待人工审核',
  unchecked: '待复检',
  released: '已放行',
  blocked: '已屏蔽'
}

/** What the author is told about their own words; released and clean texts carry no flag for them. */
const AUTHOR_NOTES: Partial<Record<ModerationState, string>> = {
  held: '审核中：对方暂时看不到这段文字',
  unchecked: '审核中：对方暂时看不到这段文字',
  blocked: '未通过审核：对方看不到这段文字'
}

/**
 * True when the text shown is the server's placeholder for words held back from this viewer (the other
 * party): the page greys it, so it does not read as something the other side wrote.
 */
export const isPlaceholder = (moderation: TextModerationView | undefined, shownText: string | undefined) =>
  moderation !== undefined && shownText === moderation.note

/**
 * A small, calm line under a text that content security has not simply passed. The server has already
 * tailored the text and its flag to the viewer (moderation-rules.ts on the server):
 * - the other party gets a placeholder as the text, and the flag's note is that same placeholder, so
 *   nothing more is said;
 * - the author sees their own words and is told the other party cannot see them (yet);
 * - staff see the state, WeChat's label in words and the server's explanation.
 *
 * `forStaff` comes from the staff case page. A flag only staff are ever sent (a label, or `released`) is
 * read as staff too, so a reviewer who lands on the consumer's page from a notification still sees it.
 */
export function ModerationNote({
  moderation,
  shownText,
  forStaff = false
}: {
  moderation: TextModerationView | undefined
  /** The text as displayed next to the note: when it already is the placeholder, the note stays silent. */
  shownText: string | undefined
  forStaff?: boolean
}) {
  if (!moderation || moderation.state === 'pass') return null
  const staff = forStaff || moderation.label !== undefined || moderation.state === 'released'
  if (staff) {
    return (
      <View className={`moderation-note moderation-note--${moderation.state}`}>
        <Text className='moderation-note-state'>
          {STAFF_STATES[moderation.state]}
          {moderation.label !== undefined ? ` · 微信标签：${wechatLabelText(moderation.label)}` : ''}
        </Text>
        <Text className='moderation-note-text'>{moderation.note}</Text>
      </View>
    )
  }
  if (shownText?.includes(moderation.note)) return null
  const note = AUTHOR_NOTES[moderation.state]
  if (!note) return null
  return (
    <View className={`moderation-note moderation-note--${moderation.state}`}>
      <Text className='moderation-note-text'>{note}</Text>
    </View>
  )
}
