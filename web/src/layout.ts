// A layout by community for networks too large for a force layout in the browser: every community (computed by the
// service, Louvain) becomes a disc, its best-connected nodes in the middle (a sunflower spiral by decreasing degree),
// and the discs are packed in rows, largest first; nodes without any edge share one last disc. Linear in the number
// of nodes, so 2,000 nodes take a few milliseconds, and what belongs together is drawn together.

export interface LayoutNode {
  id: string;
  community: number;
  degree: number;
}

export interface Point {
  x: number;
  y: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Positions of all nodes. {@code aspect} is the width / height of the drawing area, so that the packed groups fill
 * it instead of a square in its middle.
 */
export function communityLayout(nodes: LayoutNode[], spacing = 24, aspect = 1.6): Map<string, Point> {
  const groups = new Map<number, LayoutNode[]>();
  const loners: LayoutNode[] = [];
  for (const n of nodes) {
    if (n.degree === 0) {
      loners.push(n);
      continue;
    }
    const group = groups.get(n.community);
    if (group) {
      group.push(n);
    } else {
      groups.set(n.community, [n]);
    }
  }
  // a block is a disc (a community) or the grid of nodes without edges, each with its size and a placement
  interface Block { width: number; height: number; place: (x: number, y: number, positions: Map<string, Point>) => void }
  const blocks: Block[] = [...groups.values()].map((members) => {
    members.sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
    const radius = spacing * (Math.sqrt(members.length) + 1);
    return { width: 2 * radius, height: 2 * radius, place: (x, y, positions) => members.forEach((n, i) => {
      const r = spacing * Math.sqrt(i === 0 ? 0 : i + 0.5);
      const angle = i * GOLDEN_ANGLE;
      positions.set(n.id, { x: x + radius + r * Math.cos(angle), y: y + radius + r * Math.sin(angle) });
    }) };
  });
  blocks.sort((a, b) => b.width - a.width);
  if (loners.length) {
    loners.sort((a, b) => a.id.localeCompare(b.id));
    const step = spacing * 0.7;
    const columns = Math.max(1, Math.ceil(Math.sqrt(loners.length * aspect)));
    const rows = Math.ceil(loners.length / columns);
    blocks.push({ width: (columns + 1) * step, height: (rows + 1) * step, place: (x, y, positions) =>
      loners.forEach((n, i) => positions.set(n.id, { x: x + step * (1 + (i % columns)), y: y + step * (1 + Math.floor(i / columns)) })) });
  }
  // shelves: left to right, a new row when the next block does not fit the width the aspect asks for
  const area = blocks.reduce((sum, b) => sum + b.width * b.height, 0);
  const rowWidth = Math.max(Math.sqrt(area * aspect) * 1.1, ...blocks.map((b) => b.width));
  const positions = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const block of blocks) {
    if (x > 0 && x + block.width > rowWidth) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    block.place(x, y, positions);
    x += block.width;
    rowHeight = Math.max(rowHeight, block.height);
  }
  return positions;
}
