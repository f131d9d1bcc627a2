import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * When FANGXIN_BUNDLE_STATS names a file, the build writes which source modules went into which output
 * file. The weapp bench reads it to check that modules used only by a subpackage stay out of the main
 * package, and to say what the main package's bytes are made of.
 */
export interface BundleStats {
  /** Output file (relative to the build folder) → the source modules in it, with their rendered sizes. */
  files: Record<string, Array<{ module: string; size: number }>>
}

interface StatsModule {
  name?: string
  identifier?: string
  size?: number
  modules?: StatsModule[]
}

interface StatsChunk {
  files?: string[]
  modules?: StatsModule[]
}

/** A webpack plugin (kept dependency-free: Taro hands us its own webpack). */
export class BundleStatsPlugin {
  constructor(private readonly target: string) {}

  apply(compiler: { hooks: { done: { tap(name: string, fn: (stats: { toJson(options: object): { chunks?: StatsChunk[] } }) => void): void } } }): void {
    compiler.hooks.done.tap('fangxin-bundle-stats', (stats) => {
      const json = stats.toJson({
        all: false,
        chunks: true,
        chunkModules: true,
        nestedModules: true,
        chunkModulesSpace: Infinity,
        nestedModulesSpace: Infinity,
        dependentModules: true,
        groupModulesByType: false,
        groupModulesByAttributes: false,
        groupModulesByCacheStatus: false,
        groupModulesByPath: false,
        groupModulesByExtension: false,
        groupModulesByLayer: false,
        modulesSpace: Infinity,
      })
      const files: BundleStats['files'] = {}
      for (const chunk of json.chunks ?? []) {
        const modules = flatten(chunk.modules ?? []).map((module) => ({ module: module.name ?? module.identifier ?? '?', size: module.size ?? 0 }))
        for (const file of chunk.files ?? []) if (file.endsWith('.js')) files[file] = modules
      }
      mkdirSync(path.dirname(this.target), { recursive: true })
      writeFileSync(this.target, JSON.stringify({ files } satisfies BundleStats))
    })
  }
}

function flatten(modules: StatsModule[]): StatsModule[] {
  return modules.flatMap((module) => (module.modules?.length ? flatten(module.modules) : [module]))
}
