import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, Text, View } from '@tarojs/components'
import UCharts from '@qiun/ucharts'
import { hasChartData, type ChartData } from '../campaign'
import './chart.css'

const COLORS = ['#1677ff', '#fa8c16', '#52c41a', '#eb2f96', '#722ed1', '#13c2c2']
const TARGET_COLOR = '#d93026'

let chartCount = 0

/** The device's pixel ratio, so lines stay sharp on a phone's screen. */
function pixelRatio(): number {
  if (process.env.TARO_ENV === 'h5') return Math.max(1, Math.round(window.devicePixelRatio || 1))
  try {
    return Taro.getWindowInfo().pixelRatio || 2
  } catch {
    return 2
  }
}

interface Surface {
  context: unknown
  width: number
  height: number
}

/**
 * The canvas's 2D context sized for the device. In the mini-program a `type='2d'` canvas node comes from a
 * selector query; on H5 Taro's canvas element holds a real <canvas>, found in the document.
 */
function surfaceOf(id: string, ratio: number): Promise<Surface | undefined> {
  if (process.env.TARO_ENV === 'h5') {
    const host = document.getElementById(id)
    const canvas = (host?.tagName === 'CANVAS' ? host : host?.querySelector('canvas')) as HTMLCanvasElement | null | undefined
    if (!canvas) return Promise.resolve(undefined)
    const { width, height } = canvas.getBoundingClientRect()
    if (width === 0 || height === 0) return Promise.resolve(undefined)
    canvas.width = Math.round(width * ratio)
    canvas.height = Math.round(height * ratio)
    const context = canvas.getContext('2d')
    return Promise.resolve(context ? { context, width: canvas.width, height: canvas.height } : undefined)
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((result: Array<{ node?: { width: number; height: number; getContext: (kind: '2d') => unknown }; width: number; height: number } | null>) => {
        const found = result[0]
        if (!found?.node || !found.width) return resolve(undefined)
        found.node.width = Math.round(found.width * ratio)
        found.node.height = Math.round(found.height * ratio)
        resolve({ context: found.node.getContext('2d'), width: found.node.width, height: found.node.height })
      })
  })
}

/**
 * A real chart (uCharts on a 2D canvas, the same code in WeChat and on H5): lines for trends, columns for
 * breakdowns. A series marked `dashed` is a reference (a target). When every value is a gap (an empty period)
 * the chart says 暂无数据 instead of drawing zeros. `.chart--drawn` and `data-points` mark a chart that has
 * drawn its data (tests and screen readers can tell a drawn chart from an empty box).
 */
export function Chart({
  data,
  kind,
  className,
  unit = '',
  height = 440,
  max
}: {
  data: ChartData
  kind: 'line' | 'column'
  className: string
  /** After each axis value (「%」). */
  unit?: string
  /** In design px (750 wide). */
  height?: number
  /** The y axis's top (100 for rates). */
  max?: number
}) {
  const id = useRef(`fx-chart-${++chartCount}`).current
  const [drawn, setDrawn] = useState(false)
  const [failed, setFailed] = useState(false)
  const signature = JSON.stringify(data)
  const drawable = hasChartData(data)
  const points = data.series.filter((series) => !series.dashed).reduce((sum, series) => sum + series.data.filter((value) => value !== null).length, 0)

  useEffect(() => {
    if (!drawable) return
    let cancelled = false
    setDrawn(false)
    const ratio = pixelRatio()
    // After this render is on screen: the canvas must exist and have its size.
    const draw = (attempt: number) => {
      void surfaceOf(id, ratio).then((surface) => {
        if (cancelled) return
        if (!surface) {
          if (attempt < 20) setTimeout(() => draw(attempt + 1), 100)
          else setFailed(true)
          return
        }
        let colour = 0
        const chart = new UCharts({
          type: kind,
          context: surface.context,
          width: surface.width,
          height: surface.height,
          pixelRatio: ratio,
          categories: data.categories,
          series: data.series.map((series) =>
            series.dashed
              ? { name: series.name, data: series.data, color: TARGET_COLOR, lineType: 'dash' }
              : { name: series.name, data: series.data, color: COLORS[colour++ % COLORS.length] }
          ),
          animation: false,
          background: '#FFFFFF',
          padding: [12, 12, 4, 4],
          fontSize: 11,
          dataLabel: false,
          dataPointShape: true,
          legend: { show: true, position: 'bottom', fontSize: 11 },
          xAxis: { disableGrid: true, fontSize: 10, rotateLabel: data.categories.length > 6, rotateAngle: 40 },
          yAxis: { gridType: 'dash', data: [{ min: 0, ...(max !== undefined ? { max } : {}), fontSize: 10, format: (value: number) => `${Math.round(value)}${unit}` }] },
          extra: {
            line: { type: 'straight', width: 2 },
            column: { type: 'group', width: 14, seriesGap: 2 }
          }
        })
        chart.addEventListener('renderComplete', () => {
          if (!cancelled) setDrawn(true)
        })
      })
    }
    Taro.nextTick(() => draw(0))
    return () => {
      cancelled = true
    }
    // The data's content, not its identity, decides whether to draw again.
  }, [signature, kind, drawable, id, unit, max])

  if (!drawable) {
    return (
      <View className={`chart chart--empty ${className}`}>
        <Text className='chart-empty-text'>暂无数据（「—」：该期间没有可计算的数据）</Text>
      </View>
    )
  }
  return (
    <View className={`chart ${drawn ? 'chart--drawn' : ''} ${className}`} data-points={String(points)}>
      <Canvas type='2d' id={id} canvasId={id} className='chart-canvas' style={{ height: Taro.pxTransform(height) }} />
      {failed ? <Text className='chart-empty-text'>图表未能显示，表格中的数字不受影响</Text> : null}
    </View>
  )
}
