/**
 * On-demand NutUI, without a new dependency (what babel-plugin-import does in NutUI's docs). Turns
 *   import { Button, Cell as C } from '@nutui/nutui-react-taro'
 * into
 *   import Button from '@nutui/nutui-react-taro/dist/es/packages/button'
 *   import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
 *   import C from '@nutui/nutui-react-taro/dist/es/packages/cell'
 *   import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
 * Why: the full stylesheet is 232 KB, and the package's barrel drags all 104 components and their
 * dependencies through babel and webpack on every build (tree-shaking only drops them at the end).
 * The name → folder map is read from the barrel itself, so it cannot drift from the installed version;
 * exports that are not components (hooks, helpers, types) stay on the barrel import.
 */
const fs = require('node:fs')
const path = require('node:path')

const LIBRARY = '@nutui/nutui-react-taro'
const PACKAGES = 'dist/es/packages'
const packagesDir = path.join(path.dirname(require.resolve(`${LIBRARY}/package.json`)), PACKAGES)

/** Component name → folder, from the barrel's `import Name from "./folder/index";` lines. */
const folders = new Map(
  [...fs.readFileSync(path.join(packagesDir, 'nutui.react.build.js'), 'utf8')
    .matchAll(/^import (\w+) from "\.\/(\w+)\/index";$/gm)]
    .map(([, name, folder]) => [name, folder])
)

const hasStyle = (folder) => fs.existsSync(path.join(packagesDir, folder, 'style', 'css.js'))

/**
 * NutUI's components import their icons from the icon package's barrel, which pulls ~200 icon modules
 * into every build; the same treatment points each at its own file. The barrel's one side effect,
 * the icon stylesheet, is imported alongside.
 */
const ICONS = '@nutui/icons-react-taro'
const iconsDir = path.join(path.dirname(require.resolve(`${ICONS}/package.json`)), 'dist/es')
const iconFiles = new Map(
  [...fs.readFileSync(path.join(iconsDir, 'index.es.js'), 'utf8')
    .matchAll(/^export \{ default as (\w+) \} from "\.\/(icons\/\w+\.js)";$/gm)]
    .map(([, name, file]) => [name, `${ICONS}/dist/es/${file}`])
)
const ICON_STYLE = `${ICONS}/dist/style_icon.css`

/** Default-import path and extra side-effect imports for one named import, or null to keep it. */
function resolveSpecifier(library, name) {
  if (library === LIBRARY) {
    const folder = folders.get(name)
    if (!folder) return null
    const base = `${LIBRARY}/${PACKAGES}/${folder}`
    return { source: base, sideEffects: hasStyle(folder) ? [`${base}/style/css`] : [] }
  }
  const file = iconFiles.get(name)
  return file ? { source: file, sideEffects: [ICON_STYLE] } : null
}

module.exports = function nutuiOnDemand({ types: t }) {
  return {
    name: 'fangxin-nutui-on-demand',
    visitor: {
      ImportDeclaration(nodePath) {
        const { node } = nodePath
        const library = node.source.value
        if ((library !== LIBRARY && library !== ICONS) || node.importKind === 'type') return
        const replacements = []
        const sideEffects = new Set()
        const kept = node.specifiers.filter((specifier) => {
          if (!t.isImportSpecifier(specifier) || specifier.importKind === 'type') return true
          const name = t.isIdentifier(specifier.imported) ? specifier.imported.name : specifier.imported.value
          const target = resolveSpecifier(library, name)
          if (!target) return true
          replacements.push(t.importDeclaration([t.importDefaultSpecifier(t.identifier(specifier.local.name))], t.stringLiteral(target.source)))
          target.sideEffects.forEach((source) => sideEffects.add(source))
          return false
        })
        sideEffects.forEach((source) => replacements.push(t.importDeclaration([], t.stringLiteral(source))))
        if (replacements.length === 0) return
        if (kept.length > 0) {
          node.specifiers = kept
          nodePath.insertAfter(replacements)
        } else {
          nodePath.replaceWithMultiple(replacements)
        }
      }
    }
  }
}
