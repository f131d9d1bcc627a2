'use strict';

/**
 * A Serverless Framework plugin: the functions listed in `custom.localOnlyFunctions` (the demo sign-in) exist
 * only on the `local` stage. On every other stage they are removed from the service before anything is
 * packaged, so no deployed package holds their code and no route reaches them.
 */
function dropLocalOnlyFunctions(service, stage) {
  const names = (service.custom && service.custom.localOnlyFunctions) || [];
  if (stage === 'local') return [];
  const dropped = [];
  for (const name of names) {
    if (service.functions && service.functions[name]) {
      delete service.functions[name];
      dropped.push(name);
    }
  }
  return dropped;
}

class LocalOnlyFunctions {
  constructor(serverless, options) {
    this.serverless = serverless;
    this.options = options || {};
    const drop = () => {
      const stage = this.options.stage || this.serverless.service.provider.stage;
      const dropped = dropLocalOnlyFunctions(this.serverless.service, stage);
      if (dropped.length > 0) this.serverless.cli.log(`local-only functions left out of stage ${stage}: ${dropped.join(', ')}`);
    };
    // Before packaging (deploy packages first) and before offline starts: the earliest hooks both commands run.
    this.hooks = { 'before:package:initialize': drop, 'before:offline:start:init': drop, 'before:offline:start': drop };
  }
}

module.exports = LocalOnlyFunctions;
module.exports.dropLocalOnlyFunctions = dropLocalOnlyFunctions;
