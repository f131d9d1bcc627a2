/** The colours of a shop's 放心消费 badge wherever it is shown: 示范 gold, 参创 green. */
export const BADGE_COLORS = {
  model: { background: '#fff4d6', color: '#a66a00' },
  participant: { background: '#e6f6ec', color: '#1b7d3a' }
} as const
