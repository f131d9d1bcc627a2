import path from 'node:path'
import { buildSync } from 'esbuild'
import type { ScanShellConfig } from '../src/h5-shell/scan-shell'

/**
 * The H5 scan page's head start. Taro's H5 router loads a page's chunks only after the app's own script
 * has run, which on a slow phone is a second wait behind the first; a scan link
 * (`#/pages/merchant/index?…`) is the page that matters most. This plugin inlines into index.html the scan
 * shell (src/h5-shell/scan-shell.ts), which — on that route only — preloads the scan page's chunks while
 * the app's script downloads, asks for the shop itself (the page's one request, handed on to the app),
 * and draws the shop and its commitments as soon as they arrive. The app's entry scripts become
 * preloads that the shell runs: on the scan route once the shop is on screen, elsewhere as soon as the
 * HTML has been read, as their deferred tags ran.
 */

/** The source of the page whose chunks are preloaded. */
const SCAN_SOURCE = /[\\/]src[\\/]pages[\\/]merchant[\\/]index\.tsx$/

interface Chunk {
  files: Iterable<string>
}
interface ChunkGroup {
  chunks: Chunk[]
  getParents?(): ChunkGroup[]
  origins?: Array<{ request?: string }>
}
interface Module {
  resource?: string
  rootModule?: Module
}
interface Compilation {
  chunkGroups: ChunkGroup[]
  entrypoints: Map<string, ChunkGroup>
  chunkGraph: { getChunkModulesIterable(chunk: Chunk): Iterable<Module> }
  getAsset(name: string): { source: { source(): string | Buffer } } | undefined
  updateAsset(name: string, source: unknown): void
  outputOptions: { publicPath?: unknown }
  hooks: { processAssets: { tap(options: { name: string; stage: number }, fn: () => void): void } }
}
interface Compiler {
  webpack: { Compilation: { PROCESS_ASSETS_STAGE_REPORT: number }; sources: { RawSource: new (source: string) => unknown } }
  hooks: { thisCompilation: { tap(name: string, fn: (compilation: Compilation) => void): void } }
}

export class ScanPreloadPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('fangxin-scan-preload', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'fangxin-scan-preload', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const html = compilation.getAsset('index.html')
        if (!html) return
        const files = scanPageFiles(compilation)
        if (files.length === 0) throw new Error('scan-preload: no chunk holds src/pages/merchant/index.tsx')
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' ? compilation.outputOptions.publicPath : '/'
        // Right after <title>: an inline script below a stylesheet would wait for that stylesheet to load.
        const source = String(html.source.source())
        if (!source.includes('</title>')) throw new Error('scan-preload: index.html has no <title>')
        // The app's deferred entry scripts become preloads, run by the shell (src/h5-shell/scan-shell.ts).
        const app: string[] = []
        const preloaded = source.replace(/<script defer="defer" src="([^"]+)"><\/script>/g, (_tag, src: string) => {
          app.push(src)
          return `<link rel="preload" as="script" href="${src}">`
        })
        if (app.length === 0) throw new Error('scan-preload: index.html has no deferred entry script')
        const text = preloaded.replace('</title>', `</title>${shellScript({ files, publicPath, app })}`)
        compilation.updateAsset('index.html', new sources.RawSource(text))
      })
    })
  }
}

/** The files of the async chunk group that holds the scan page, less what the entry loads anyway. */
function scanPageFiles(compilation: Compilation): string[] {
  const entryFiles = new Set<string>()
  for (const entry of compilation.entrypoints.values()) for (const chunk of entry.chunks) for (const file of chunk.files) entryFiles.add(file)
  const holdsScanPage = (chunk: Chunk) =>
    [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some((module) => SCAN_SOURCE.test(module.resource ?? module.rootModule?.resource ?? ''))
  const group = compilation.chunkGroups.find((candidate) => !isEntry(compilation, candidate) && candidate.chunks.some(holdsScanPage))
  if (!group) return []
  const files = group.chunks.flatMap((chunk) => [...chunk.files]).filter((file) => /\.(js|css)$/.test(file) && !entryFiles.has(file))
  return [...new Set(files)].sort()
}

function isEntry(compilation: Compilation, group: ChunkGroup): boolean {
  return [...compilation.entrypoints.values()].includes(group)
}

/** Where the H5 build calls the API (same origin; see src/api/http.ts). */
const H5_API_BASE = '/api'

/**
 * The shell, compiled for the head of index.html: one small script, no imports at run time, its
 * configuration (the scan page's files, the API's base) filled in at build time. ES2018, so object spread
 * needs no helpers: every browser this build targets (those with ES modules) has it.
 */
function shellScript(build: Omit<ScanShellConfig, 'apiBase'>): string {
  const config: ScanShellConfig = { ...build, apiBase: H5_API_BASE }
  const result = buildSync({
    entryPoints: [path.resolve(__dirname, '..', 'src', 'h5-shell', 'entry.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2018',
    write: false,
    legalComments: 'none',
    define: { SCAN_SHELL_CONFIG: JSON.stringify(config) },
    logLevel: 'silent',
  })
  // `</script` inside the code would end the element early; the shell has none, but the check is cheap.
  const code = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1')
  return `<script>${code}</script>`
}
