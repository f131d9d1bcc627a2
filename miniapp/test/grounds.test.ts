import { REFUSAL_GROUNDS, TERMINATION_GROUNDS } from '@fangxin/shared'
import { groundOptions } from '../src/lib/grounds'

describe('the grounds staff choose from, per order in force', () => {
  it('offers Order 121’s seven refusal grounds, each with its article (第十六条)', () => {
    const options = groundOptions('refusal', 'samr_order_121')
    expect(options).toHaveLength(7)
    expect(options.every((option) => option.label.startsWith('第十六条：'))).toBe(true)
    expect(options).toContainEqual({ value: 'o121_identity', label: '第十六条：冒用他人名义投诉，或者拒绝配合身份核验' })
    expect(options.map((option) => option.value)).toEqual(Object.keys(REFUSAL_GROUNDS).filter((code) => code.startsWith('o121_')))
  })

  it('offers Order 20’s six refusal grounds (第十五条) to a county still on Order 20, and none of Order 121’s', () => {
    const options = groundOptions('refusal', 'samr_order_20')
    expect(options).toHaveLength(6)
    expect(options.every((option) => option.label.startsWith('第十五条：') && option.value.startsWith('o20_'))).toBe(true)
    expect(options[0]).toEqual({ value: 'o20_outside_duties', label: '第十五条：投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限' })
  })

  it('offers each order’s grounds for ending mediation (第二十三条 / 第二十六条)', () => {
    const o121 = groundOptions('termination', 'samr_order_121')
    const o20 = groundOptions('termination', 'samr_order_20')
    expect(o121).toHaveLength(8)
    expect(o20).toHaveLength(7)
    expect(o121.every((option) => option.label.startsWith('第二十三条：'))).toBe(true)
    expect(o20.every((option) => option.label.startsWith('第二十六条：'))).toBe(true)
    expect(o121).toContainEqual({ value: 'o121_timeout', label: `第二十三条：${TERMINATION_GROUNDS.o121_timeout.label}` })
  })
})
