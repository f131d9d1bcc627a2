import { useEffect, useState } from 'react'
import { routes } from '@fangxin/shared'
import { call } from '@/api/client'

/**
 * The names of the person's shops, for choosers that would otherwise show bare ids ("QH8K2M4P6R"). Read from
 * each shop's public page (one request each; a person works for one shop or a few); until a name arrives, or
 * for a shop the public cannot see (awaiting approval), the id stands in, labelled as a shop.
 */
export function useShopNames(ids: readonly string[]): (id: string) => string {
  const [names, setNames] = useState<Record<string, string>>({})
  const key = ids.join(',')
  useEffect(() => {
    let current = true
    for (const id of ids) {
      call(routes.getMerchant, { params: { id } })
        .then((shop) => {
          if (current) setNames((known) => ({ ...known, [id]: shop.name }))
        })
        .catch(() => undefined)
    }
    return () => {
      current = false
    }
    // `key` stands for `ids`: the same shops in a new array are not a new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return (id) => names[id] ?? `店铺 ${id}`
}
