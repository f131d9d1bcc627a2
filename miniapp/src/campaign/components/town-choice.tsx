import { TOWNS, type TownCode } from '@fangxin/shared'
import { ChoiceField } from '@/components/choices'

const TOWN_OPTIONS = (Object.entries(TOWNS) as Array<[TownCode, string]>).map(([value, label]) => ({ value, label }))

/**
 * Where the answer counts, when no shop was scanned: the consumer's own town or street. From a shop page the
 * shop's town is used and this is not shown.
 */
export function TownChoice({ value, onChange, error }: { value: TownCode | undefined; onChange: (town: TownCode) => void; error: string | undefined }) {
  return <ChoiceField className='field-town' label='您所在的乡镇（街道）' options={TOWN_OPTIONS} value={value} onChange={onChange} error={error} />
}
