/** uCharts (@qiun/ucharts) ships JavaScript only: the part of its API the admin charts use. */
declare module '@qiun/ucharts' {
  interface UChartsOptions {
    type: 'line' | 'column' | 'bar' | 'area' | 'mix' | 'pie' | 'ring'
    context: unknown
    width: number
    height: number
    pixelRatio?: number
    categories?: string[]
    series: Array<{ name: string; data: Array<number | null>; color?: string; lineType?: 'solid' | 'dash'; type?: string }>
    animation?: boolean
    background?: string
    color?: string[]
    padding?: number[]
    fontSize?: number
    dataLabel?: boolean
    dataPointShape?: boolean
    enableScroll?: boolean
    legend?: Record<string, unknown>
    xAxis?: Record<string, unknown>
    yAxis?: Record<string, unknown>
    extra?: Record<string, unknown>
    [option: string]: unknown
  }
  export default class UCharts {
    constructor(options: UChartsOptions)
    addEventListener(type: 'renderComplete' | 'scrollLeft' | 'scrollRight', listener: () => void): void
    updateData(data: Partial<UChartsOptions>): void
  }
}
