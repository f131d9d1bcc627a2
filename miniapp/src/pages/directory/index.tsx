// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import {
  AREA_TYPES,
  SECTORS,
  TOWNS,
  routes,
  type AreaTypeCode,
  type DirectoryPage,
  type SectorCode,
  type TownCode
} from '@fangxin/shared'
import { call } from '@/api/client'
import { BADGE_COLORS } from '@/components/badge-colors'
import { Choices, type ChoiceOption } from '@/components/choices'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useScaledRoot } from '@/components/font-scale'
import './index.css'

type Entry = DirectoryPage['items'][number]

const ALL = 'all'
type Filter<T extends string> = T | typeof ALL

/** `{ code: label }` as choice chips, led by 全部 (`.option-all`). */
function withAll<T extends string>(catalogue: Readonly<Record<T, string>>): ChoiceOption<Filter<T>>[] {
  return [{ value: ALL, label: '全部' }, ...(Object.keys(catalogue) as T[]).map((value) => ({ value, label: catalogue[value] }))]
}

const SECTOR_OPTIONS = withAll<SectorCode>(SECTORS)
const TOWN_OPTIONS = withAll<TownCode>(TOWNS)
const AREA_OPTIONS = withAll<AreaTypeCode>(AREA_TYPES)

/**
 * 放心消费店铺: the public directory of participating shops (示范 first, as the server orders them), narrowed
 * by sector, town/street and area type. A filtered page may hold fewer shops than asked for; 加载更多
 * follows the server's cursor.
 */
export default function ShopDirectoryPage() {
  const [sector, setSector] = useState<Filter<SectorCode>>(ALL)
  const [town, setTown] = useState<Filter<TownCode>>(ALL)
  const [area, setArea] = useState<Filter<AreaTypeCode>>(ALL)

  const list = usePagedList<Entry>(
    (cursor) =>
      call(routes.directory, {
        query: {
          ...pageQuery(cursor),
          ...(sector !== ALL ? { sector } : {}),
          ...(town !== ALL ? { town } : {}),
          ...(area !== ALL ? { areaType: area } : {})
        }
      }),
    [sector, town, area].join('|')
  )
  const filtered = sector !== ALL || town !== ALL || area !== ALL

  return (
    <View {...useScaledRoot('page directory-page')}>
      <View className='directory-filters'>
        <View className='directory-filter filter-sector'>
          <Text className='directory-filter-label'>行业</Text>
          <Choices options={SECTOR_OPTIONS} value={sector} onChange={setSector} />
        </View>
        <View className='directory-filter filter-town'>
          <Text className='directory-filter-label'>乡镇</Text>
          <Choices options={TOWN_OPTIONS} value={town} onChange={setTown} />
        </View>
        <View className='directory-filter filter-area'>
          <Text className='directory-filter-label'>区域</Text>
          <Choices options={AREA_OPTIONS} value={area} onChange={setArea} />
        </View>
      </View>

      <PagedListView
        list={list}
        className='directory-list'
        loadingText='正在加载店铺…'
        emptyTitle='暂无符合条件的店铺'
        {...(filtered ? { emptyDescription: '可以放宽筛选条件再看看' } : {})}
      >
        {(items) =>
          items.length === 0 ? (
            <Text className='directory-page-empty'>本页没有符合条件的店铺，可以继续加载</Text>
          ) : (
            items.map((entry) => <DirectoryItem key={entry.id} entry={entry} />)
          )
        }
      </PagedListView>
    </View>
  )
}

function DirectoryItem({ entry }: { entry: Entry }) {
  const open = () => void Taro.navigateTo({ url: pageUrl(PAGES.shop, { id: entry.id }) })
  return (
    <View className={`card directory-item directory-item--${entry.badge.kind}`} onClick={open}>
      <View className='directory-item-head'>
        <Text className='directory-item-name'>{entry.name}</Text>
      </View>
      <View className='directory-item-tags'>
        <Tag
          className={`directory-item-badge directory-item-badge--${entry.badge.kind}`}
          background={BADGE_COLORS[entry.badge.kind].background}
          color={BADGE_COLORS[entry.badge.kind].color}
        >
          {entry.badge.label}
        </Tag>
      </View>
      <Text className='directory-item-place'>
        {entry.sectorLabel} · {entry.townName} · {entry.areaTypeLabel}
      </Text>
      {entry.commitmentTitles.length > 0 ? (
        <View className='directory-item-commitments'>
          {entry.commitmentTitles.slice(0, 3).map((title) => (
            <Text key={title} className='directory-item-commitment'>
              {title}
            </Text>
          ))}
          {entry.commitmentTitles.length > 3 ? (
            <Text className='directory-item-more'>等 {entry.commitmentTitles.length} 项承诺</Text>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
