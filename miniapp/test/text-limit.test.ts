import { characterLength, unitsFor, withinCharacters } from '../src/lib/text-limit'

describe('text limits in characters, as the server counts', () => {
  it('counts a rare character (two UTF-16 units) as one', () => {
    expect(characterLength('𠮷野家')).toBe(3)
    expect('𠮷野家'.length).toBe(4)
  })

  it('keeps twenty rare characters in a twenty-character field', () => {
    const name = '𠮷'.repeat(20)
    expect(withinCharacters(name, 20)).toBe(name)
    expect(withinCharacters(`${name}𠮷`, 20)).toBe(name)
  })

  it('never cuts inside a character, so no broken half reaches the server', () => {
    const text = `${'汉'.repeat(999)}𠀀`
    const cut = withinCharacters(`${text}多`, 1000)
    expect(cut).toBe(text)
    expect(/[\uD800-\uDBFF]$/.test(cut)).toBe(false)
    expect(withinCharacters('ab𠀀cd', 3)).toBe('ab𠀀')
  })

  it('leaves text within the limit as it is, and gives the platform input room for the limit in units', () => {
    expect(withinCharacters('退款', 10)).toBe('退款')
    expect(unitsFor(20)).toBeGreaterThanOrEqual('𠮷'.repeat(20).length)
  })
})
