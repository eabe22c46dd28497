import { describe, expect, it } from 'vitest';
import { salesPlot } from './plot.js';

describe('sales plot', () => {
  it('draws one bar per day (all stores) and one line per top store', () => {
    const days = ['2026-11-25', '2026-11-26', '2026-11-27'];
    const svg = salesPlot(days, [
      { storeId: 'cs-bj-0001', day: '2026-11-26', orders: 2, units: 3, gmv: 30000 },
      { storeId: 'cs-sh-0001', day: '2026-11-26', orders: 1, units: 1, gmv: 10000 },
      { storeId: 'cs-sh-0001', day: '2026-11-27', orders: 1, units: 1, gmv: 5000 },
    ], [{ id: 'cs-bj-0001', label: '王府井 <A&B>' }, { id: 'cs-sh-0001', label: '南京路' }]);
    expect(svg.match(/class="bar"/g)).toHaveLength(3);
    expect(svg).toContain('data-day="2026-11-26" data-gmv="40000"');
    expect(svg.match(/class="line"/g)).toHaveLength(2);
    expect(svg).toContain('王府井 &lt;A&amp;B&gt;');
    // The tallest bar reaches the top of the plot area; an empty day has no height.
    expect(svg).toMatch(/data-day="2026-11-26" data-gmv="40000" x="[\d.]+" y="14.0"/);
    expect(svg).toMatch(/data-day="2026-11-25" data-gmv="0" x="[\d.]+" y="256.0" width="[\d.]+" height="0.0"/);
  });
});
