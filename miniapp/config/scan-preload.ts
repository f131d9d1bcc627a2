/**
 * The H5 scan page's files, asked for at once. Taro's H5 router loads a page's chunks only after the
 * app's own script has run, which on a slow phone is a second wait behind the first; a scan link
 * (`#/pages/merchant/index?…`) is the page that matters most. This plugin writes, into index.html, a tiny
 * script that — on that route only — preloads the scan page's chunks while the app's script downloads,
 * and the shop itself (`GET /api/merchants/{id}`, the page's one request), so the answer is there when
 * the page asks: the browser hands a preloaded response to the matching fetch. Other routes load
 * exactly as before.
 */

/** The page whose chunks are preloaded, as the hash route names it and as its source path ends. */
const SCAN_ROUTE = '#/pages/merchant/index'
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
        const text = source.replace('</title>', `</title>${preloadScript(files, publicPath)}`)
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
 * ES5, no helpers: it runs before anything else on the page. The shop id is read as the page reads a plain
 * link (`id`, or a code's `scene`) and normalised as the contract does (trimmed, upper case), so the
 * preloaded URL is the one the page will fetch; a malformed id preloads nothing. `crossorigin` gives the
 * preload the credentials mode of a plain `fetch`, without which the browser would not reuse it.
 */
function preloadScript(files: string[], publicPath: string): string {
  return (
    '<script>(function(){' +
    `if(location.hash.indexOf(${JSON.stringify(SCAN_ROUTE)})!==0)return;` +
    'function p(h,a,c){var l=document.createElement("link");l.rel="preload";l.as=a;l.href=h;if(c)l.crossOrigin="anonymous";document.head.appendChild(l)}' +
    `var f=${JSON.stringify(files)};` +
    `for(var i=0;i<f.length;i++)p(${JSON.stringify(publicPath)}+f[i],/\\.css$/.test(f[i])?"style":"script");` +
    'var m=/[?&](?:id|scene)=([^&#]*)/.exec(location.hash);if(!m)return;' +
    'try{var id=decodeURIComponent(m[1]).replace(/^\\s+|\\s+$/g,"").toUpperCase()}catch(e){return}' +
    `if(/^[0-9A-Z]{1,32}$/.test(id))p(${JSON.stringify(H5_API_BASE)}+"/merchants/"+id,"fetch",true)` +
    '})()</script>'
  )
}
