import { z } from 'zod';
import { LocalizedText } from './i18n.js';
import { Money } from './money.js';
import { Slug } from './ids.js';

export const Category = z.enum(['plush', 'pin', 'apparel', 'accessory', 'homeware', 'bag', 'stationery', 'collectible']);
export type Category = z.infer<typeof Category>;

/** A sellable variant (size and/or colour) with its own stock. */
export const Variant = z.object({
  id: Slug,
  label: LocalizedText,
  size: z.string().optional(),
  color: LocalizedText.optional(),
  stock: z.number().int().nonnegative(),
});
export type Variant = z.infer<typeof Variant>;

/** A catalog product as seeded from content/ and as read back from the store. */
export const Product = z.object({
  id: Slug,
  category: Category,
  name: LocalizedText,
  description: LocalizedText,
  /** Other names viewers use for it ("冰墩墩", "the panda"), for search and the brain's product linking. */
  aliases: z.object({ zh: z.array(z.string()), en: z.array(z.string()) }),
  price: Money,
  material: LocalizedText.optional(),
  care: LocalizedText.optional(),
  /** Card art colour (hex) for the product's illustration. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  tags: z.array(z.string()).default([]),
  variants: z.array(Variant).min(1),
});
export type Product = z.infer<typeof Product>;

export const Catalog = z.object({ products: z.array(Product).min(1) }).superRefine((c, ctx) => {
  const seen = new Set<string>();
  for (const p of c.products) {
    if (seen.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate product id ${p.id}` });
    seen.add(p.id);
    const vs = new Set<string>();
    for (const v of p.variants) {
      if (vs.has(v.id)) ctx.addIssue({ code: 'custom', message: `duplicate variant id ${p.id}/${v.id}` });
      vs.add(v.id);
    }
  }
});
export type Catalog = z.infer<typeof Catalog>;

/** Total units on hand across a product's variants. */
export function totalStock(p: Pick<Product, 'variants'>): number {
  return p.variants.reduce((n, v) => n + v.stock, 0);
}
