'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * esbuild plugins for the function bundles (serverless.yml `custom.esbuild.plugins`).
 *
 * The modules of our two packages hold declarations at their top level, and no effects: the shared
 * package's (`shared/src`: the contract's zod schemas, the domain's rules and tables — its package.json
 * declares them free of side effects) and the functions' (`functions/src`: dynamodb-toolbox entities and
 * access patterns, the WeChat and SMS clients' answer schemas, the clients themselves). esbuild cannot know
 * that a call such as `z.object({...})` or `new Entity({...})` has no side effect, so a function that
 * imports one declaration from such a module also builds every other one of that module when it loads:
 * ~700 zod schemas for fileComplaint, of which it uses ~340. This plugin tells esbuild what we know: every
 * call in the initialiser of a top-level `const` of those modules is pure (`/* @__PURE__ *\/`), so a
 * declaration no code of the function reaches is dropped with what it would have built.
 *
 * Calls inside functions are left alone (there a call's result may be unused on purpose), and statements that
 * are not declarations (`z.config(...)` in zod-chinese.ts) keep their effect. A top-level const built for its
 * effect has no place in these modules: it would be dropped whenever nothing reads it. An object spread
 * (`{ ...shared }`) keeps a declaration whatever the marks say, since a spread may run a getter: the entity
 * modules share attributes with `Object.assign` instead.
 *
 * The mini-program's bundler does not run this plugin: that is why `shared/src/contract/routes.ts` still
 * marks its own declarations (functions/test/unit/route-bundles.test.ts).
 */
const DECLARATIONS = /[\\/](?:shared|functions)[\\/]src[\\/].+\.ts$/;

function pureDeclarationsPlugin() {
  return {
    name: 'fangxin-pure-declarations',
    setup(build) {
      build.onLoad({ filter: DECLARATIONS }, async (args) => ({
        contents: annotatePureDeclarations(await fs.promises.readFile(args.path, 'utf8'), args.path),
        loader: 'ts',
        resolveDir: path.dirname(args.path),
      }));
    },
  };
}

/** The source with `/* @__PURE__ *\/` before every call and `new` of its top-level `const` initialisers. */
function annotatePureDeclarations(source, fileName) {
  // Loaded here, not at the top: serverless.yml's other commands never need the compiler.
  const ts = require('typescript');
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const positions = new Set();
  const visit = (node) => {
    // A function's body runs when called, not when the module loads: not ours to annotate.
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) positions.add(node.getStart(file));
    ts.forEachChild(node, visit);
  };
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) if (declaration.initializer) visit(declaration.initializer);
  }
  let annotated = source;
  for (const position of [...positions].sort((a, b) => b - a)) {
    annotated = `${annotated.slice(0, position)}/* @__PURE__ */ ${annotated.slice(position)}`;
  }
  return annotated;
}

/**
 * The SDK's HTTP protocols reach event streams through a dynamic `import('@smithy/core/event-streams')`, made
 * only for an operation with an event-stream member. DynamoDB has none, and the DynamoDB client is the only
 * client bundled (S3's comes from the runtime), so no function ever makes that import. Bundled as it is, it
 * still costs every function at load: esbuild turns every module it reaches into a lazily initialised one,
 * which it can no longer prune, and the SDK's checksum module then initialises at load, CRC32 with it, which
 * requires Node's zlib (~3 ms) — ~20 KB of codec, framing and CRC code that never runs. This plugin resolves
 * that import to a module that says so if it is ever made.
 */
function noEventStreamsPlugin() {
  return {
    name: 'fangxin-no-event-streams',
    setup(build) {
      build.onResolve({ filter: /^@smithy\/core\/event-streams$/ }, (args) => ({ path: args.path, namespace: 'fangxin-no-event-streams' }));
      build.onLoad({ filter: /.*/, namespace: 'fangxin-no-event-streams' }, () => ({
        contents: NO_EVENT_STREAMS,
        loader: 'js',
      }));
    },
  };
}

const NO_EVENT_STREAMS = `
const unavailable = () => {
  throw new Error('Event streams are not bundled with this function (scripts/serverless/esbuild-plugins.js): DynamoDB has none.');
};
export class EventStreamSerde {
  constructor() { unavailable(); }
}
export const eventStreamSerdeProvider = unavailable;
`;

/**
 * The SDK makes a request's invocation id and an idempotency token with `bindV4`, which prefers
 * `globalThis.crypto.randomUUID`. Merely asking for the global `crypto` makes Node load its WebCrypto
 * implementation (~5 ms), and the SDK asks when it loads. Node's `crypto.randomUUID`, from the module the
 * SDK has already required, gives the same random (v4) UUIDs.
 */
function nodeUuidPlugin() {
  return {
    name: 'fangxin-node-uuid',
    setup(build) {
      build.onLoad({ filter: /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]serde[\\/]uuid[\\/]v4\.js$/ }, () => ({
        contents: NODE_UUID,
        loader: 'js',
      }));
    },
  };
}

const NODE_UUID = `
import { randomUUID } from 'node:crypto';
export function bindV4() {
  return () => randomUUID();
}
`;

module.exports = () => [pureDeclarationsPlugin(), noEventStreamsPlugin(), nodeUuidPlugin()];
module.exports.annotatePureDeclarations = annotatePureDeclarations;
