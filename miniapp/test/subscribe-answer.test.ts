import { LOCAL_SUBSCRIBE_TEMPLATE_ID } from '@fangxin/shared'
import {
  NO_ANSWER,
  notificationsOffHint,
  offInSettings,
  outcomeOf,
  promptAnswerOf,
  settingsNeeded,
  templateIdOf,
  type PromptAnswer
} from '../src/lib/subscribe-answer'

const ID = 'tmpl-progress'
const success = (result: unknown) => ({ ok: true as const, result })
const failure = (error: unknown) => ({ ok: false as const, error })

describe('templateIdOf', () => {
  it('uses the configured template id, trimmed', () => {
    expect(templateIdOf(' abc-123 ')).toBe('abc-123')
  })

  it.each([undefined, '', '   '])('falls back to the local stand-in id when the build sets none (%p)', (configured) => {
    expect(templateIdOf(configured)).toBe(LOCAL_SUBSCRIBE_TEMPLATE_ID)
  })
})

describe('promptAnswerOf', () => {
  it.each<[string, PromptAnswer]>([
    ['accept', 'accepted'],
    ['reject', 'rejected'],
    ['ban', 'banned'],
    ['filter', 'banned']
  ])('reads %p for our template as %p', (value, answer) => {
    expect(promptAnswerOf(success({ errMsg: 'requestSubscribeMessage:ok', [ID]: value }), ID)).toBe(answer)
  })

  it('reads only our own template, not another one in the answer', () => {
    expect(promptAnswerOf(success({ errMsg: 'requestSubscribeMessage:ok', other: 'accept' }), ID)).toBe('failed')
  })

  it('treats an answer of unknown shape as a failure', () => {
    expect(promptAnswerOf(success(undefined), ID)).toBe('failed')
    expect(promptAnswerOf(success({ [ID]: 'maybe' }), ID)).toBe('failed')
  })

  it('recognises the main switch being off (errCode 20004, as number or string)', () => {
    expect(promptAnswerOf(failure({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' }), ID)).toBe('switched_off')
    expect(promptAnswerOf(failure({ errCode: '20004' }), ID)).toBe('switched_off')
  })

  it('recognises the main switch from the message when there is no code', () => {
    expect(promptAnswerOf(failure({ errMsg: 'requestSubscribeMessage:fail The main switch is switched off' }), ID)).toBe('switched_off')
  })

  it('calls every other rejection a failure: bad template id, not a tap, thrown errors', () => {
    expect(promptAnswerOf(failure({ errCode: 20001, errMsg: 'No template data return' }), ID)).toBe('failed')
    expect(promptAnswerOf(failure({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' }), ID)).toBe('failed')
    expect(promptAnswerOf(failure(new Error('boom')), ID)).toBe('failed')
    expect(promptAnswerOf(failure(undefined), ID)).toBe('failed')
  })
})

describe('settingsNeeded', () => {
  it('reads the settings only when the answer may hide a switch turned off for good', () => {
    expect(settingsNeeded('accepted')).toBe(false)
    expect(settingsNeeded('switched_off')).toBe(false)
    expect(settingsNeeded('rejected')).toBe(true)
    expect(settingsNeeded('failed')).toBe(true)
    expect(settingsNeeded('banned')).toBe(true)
  })
})

describe('offInSettings', () => {
  const setting = (subscriptionsSetting: unknown) => ({ errMsg: 'getSetting:ok', authSetting: {}, subscriptionsSetting })

  it('says off when the main switch is off', () => {
    expect(offInSettings(setting({ mainSwitch: false }), ID)).toBe(true)
  })

  it('says off when the person chose to always refuse our template', () => {
    expect(offInSettings(setting({ mainSwitch: true, itemSettings: { [ID]: 'reject' } }), ID)).toBe(true)
  })

  it('says on when our template is always accepted, or was never remembered', () => {
    expect(offInSettings(setting({ mainSwitch: true, itemSettings: { [ID]: 'accept' } }), ID)).toBe(false)
    expect(offInSettings(setting({ mainSwitch: true }), ID)).toBe(false)
  })

  it('ignores refusals remembered for other templates', () => {
    expect(offInSettings(setting({ mainSwitch: true, itemSettings: { other: 'reject' } }), ID)).toBe(false)
  })

  it('says on when the settings are missing or of unknown shape (no false alarm)', () => {
    expect(offInSettings(undefined, ID)).toBe(false)
    expect(offInSettings({ errMsg: 'getSetting:ok', authSetting: {} }, ID)).toBe(false)
    expect(offInSettings(setting('odd'), ID)).toBe(false)
    expect(offInSettings(setting({ mainSwitch: undefined, itemSettings: 'odd' }), ID)).toBe(false)
  })
})

describe('outcomeOf', () => {
  it('counts an acceptance as one more message and never as off', () => {
    expect(outcomeOf('accepted')).toEqual({ accepted: true, notificationsOff: false })
    expect(outcomeOf('accepted', true)).toEqual({ accepted: true, notificationsOff: false })
  })

  it('says off when the main switch is off', () => {
    expect(outcomeOf('switched_off')).toEqual({ accepted: false, notificationsOff: true })
  })

  it('says off after a refusal or failure only when the settings confirm it', () => {
    expect(outcomeOf('rejected')).toEqual(NO_ANSWER)
    expect(outcomeOf('rejected', false)).toEqual(NO_ANSWER)
    expect(outcomeOf('rejected', true)).toEqual({ accepted: false, notificationsOff: true })
    expect(outcomeOf('failed', true)).toEqual({ accepted: false, notificationsOff: true })
    expect(outcomeOf('banned')).toEqual(NO_ANSWER)
  })
})

describe('notificationsOffHint', () => {
  it('says where to look instead and how to switch messages back on', () => {
    expect(notificationsOffHint('进度请在「我的投诉」查看')).toBe(
      '您已关闭消息提醒，进度请在「我的投诉」查看；可在右上角「…」→「设置」中重新开启'
    )
  })
})
