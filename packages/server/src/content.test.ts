import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError, loadContent } from './content.js';

const CONTENT = resolve(fileURLToPath(new URL('../../../content', import.meta.url)));

describe('demo content', () => {
  const content = loadContent(CONTENT);

  it('ships a bilingual Winter-Games catalog of at least 24 products with variant stock and prices in whole fen', () => {
    const { products } = content.catalog;
    expect(products.length).toBeGreaterThanOrEqual(24);
    expect(new Set(products.map((p) => p.category)).size).toBeGreaterThanOrEqual(6);
    for (const p of products) {
      expect(p.name.zh && p.name.en && p.description.zh && p.description.en, p.id).toBeTruthy();
      expect(Number.isInteger(p.price.amount) && p.price.currency === 'CNY', p.id).toBe(true);
      expect(p.variants.length, p.id).toBeGreaterThan(0);
      for (const v of p.variants) expect(Number.isInteger(v.stock) && v.stock >= 0, `${p.id}/${v.id}`).toBe(true);
    }
  });

  it('has the Dong Dong persona and at least 50 bilingual fun facts', () => {
    expect(content.persona.name.en).toBe('Dong Dong');
    expect(content.persona.age).toBe(22);
    expect(content.funFacts.facts.length).toBeGreaterThanOrEqual(50);
    for (const f of content.funFacts.facts) expect(f.fact.zh.length > 0 && f.fact.en.length > 0).toBe(true);
  });

  it('refuses a broken content file at load, naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snowstage-content-'));
    cpSync(CONTENT, dir, { recursive: true });
    const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
    catalog.products[0].price.amount = 12.5;
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(/catalog\.json is not valid:\n {2}- products\.0\.price\.amount/);
    writeFileSync(join(dir, 'catalog.json'), '{ not json');
    expect(() => loadContent(dir)).toThrow(/catalog\.json: /);
  });
});
