import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, NoticeBar } from '@nutui/nutui-react-taro'
import { routes, type CalendarOverview } from '@fangxin/shared'
import { call } from '@/api/client'
import { missingYearOf } from '@/lib/calendar-entry'
import { PAGES, pageUrl } from '@/lib/navigation'
import './calendar-coverage-banner.css'

type Coverage = CalendarOverview['coverage']

/**
 * For county admins on the workbench: the statutory clocks count on the State Council's holidays, and next
 * year's are published each winter — until the office enters them, deadlines running into that year are
 * estimates. The banner says so (the server words it) with a way straight to the entry. Read again each
 * time the workbench is shown, so it is gone as soon as the year has been entered.
 */
export function CalendarCoverageBanner({ enabled }: { enabled: boolean }) {
  const [coverage, setCoverage] = useState<Coverage>()
  const shown = useRef(false)

  const load = () => {
    call(routes.calendar, {})
      .then((overview) => setCoverage(overview.coverage))
      // Advisory only: the workbench works without it, and the calendar page says what went wrong.
      .catch((error: unknown) => console.warn('calendar coverage not loaded', error))
  }

  useEffect(() => {
    if (enabled) load()
  }, [enabled])

  useDidShow(() => {
    // The first show is the mount, which loads already; later ones are returns from another page.
    if (shown.current && enabled) load()
    shown.current = true
  })

  if (!enabled || !coverage?.warn || !coverage.message) return null
  const year = missingYearOf(coverage)
  return (
    <View className='calendar-coverage-banner'>
      <NoticeBar className='calendar-coverage-message' content={coverage.message} wrap scrollable={false} />
      <View className='calendar-coverage-actions'>
        <Button
          className='calendar-coverage-enter'
          type='warning'
          size='small'
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.calendar, { year: String(year) }) })}
        >
          录入{year}年节假日安排
        </Button>
      </View>
    </View>
  )
}
