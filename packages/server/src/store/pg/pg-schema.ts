/**
 * PostgreSQL migrations, applied in order at start-up inside one transaction each; the
 * `schema_version` table records how far a database has come. Append new migrations; never edit one
 * that has shipped. Money is BIGINT minor units; documents that are read whole are JSONB.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE rooms (id TEXT PRIMARY KEY, title JSONB NOT NULL);
  CREATE TABLE products (id TEXT PRIMARY KEY, doc JSONB NOT NULL, price_amount BIGINT NOT NULL CHECK (price_amount >= 0), currency TEXT NOT NULL, position INT NOT NULL);
  CREATE TABLE variants (
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    doc JSONB NOT NULL,
    stock INT NOT NULL CHECK (stock >= 0),
    position INT NOT NULL,
    PRIMARY KEY (product_id, id)
  );
  CREATE TABLE sales (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    variant_id TEXT NOT NULL,
    sale_price BIGINT NOT NULL,
    list_price BIGINT NOT NULL,
    currency TEXT NOT NULL,
    quantity INT NOT NULL CHECK (quantity > 0),
    sold INT NOT NULL DEFAULT 0 CHECK (sold >= 0 AND sold <= quantity),
    per_buyer_limit INT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    created_seq BIGSERIAL
  );
  CREATE INDEX sales_room ON sales(room_id, created_seq);
  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    buyer_id TEXT NOT NULL,
    room_id TEXT,
    product_id TEXT NOT NULL,
    variant_id TEXT NOT NULL,
    sale_id TEXT,
    qty INT NOT NULL CHECK (qty > 0),
    unit_price BIGINT NOT NULL,
    total BIGINT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (buyer_id, idempotency_key)
  );
  CREATE INDEX orders_sale_buyer ON orders(sale_id, buyer_id);
  CREATE INDEX orders_buyer ON orders(buyer_id, created_at);
  CREATE INDEX orders_variant ON orders(product_id, variant_id);
  CREATE TABLE room_events (room_id TEXT NOT NULL, seq BIGINT NOT NULL, at BIGINT NOT NULL, kind TEXT NOT NULL, data JSONB NOT NULL, PRIMARY KEY (room_id, seq));
  CREATE INDEX room_events_kind ON room_events(room_id, kind, seq);
  `,
  `
  CREATE TABLE shows (id TEXT PRIMARY KEY, room_id TEXT NOT NULL, doc JSONB NOT NULL, scheduled_at BIGINT NOT NULL);
  CREATE INDEX shows_room ON shows(room_id, scheduled_at);
  `,
  `
  CREATE TABLE showcase_visits (fan_id TEXT NOT NULL, booth_id TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (fan_id, booth_id));
  CREATE TABLE quiz_answers (fan_id TEXT NOT NULL, booth_id TEXT NOT NULL, choice INT NOT NULL, correct BOOLEAN NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (fan_id, booth_id));
  CREATE TABLE quest_payments (fan_id TEXT NOT NULL, quest_id TEXT NOT NULL, period TEXT NOT NULL, tickets INT NOT NULL CHECK (tickets > 0), at BIGINT NOT NULL, PRIMARY KEY (fan_id, quest_id, period));
  CREATE TABLE fans (fan_id TEXT PRIMARY KEY);
  CREATE TABLE draws (id TEXT PRIMARY KEY, doc JSONB NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE draw_seeds (draw_id TEXT NOT NULL, round INT NOT NULL, seed TEXT NOT NULL, PRIMARY KEY (draw_id, round));
  CREATE TABLE draw_entry_requests (fan_id TEXT NOT NULL, key TEXT NOT NULL, draw_id TEXT NOT NULL, entries INT NOT NULL CHECK (entries > 0), cost INT NOT NULL CHECK (cost >= 0), at BIGINT NOT NULL, PRIMARY KEY (fan_id, key));
  CREATE INDEX draw_entry_requests_draw ON draw_entry_requests(draw_id, fan_id);
  CREATE TABLE draw_claims (draw_id TEXT NOT NULL, fan_id TEXT NOT NULL, prize_id TEXT NOT NULL, doc JSONB NOT NULL, key TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (draw_id, fan_id, prize_id));
  `,
  `
  CREATE TABLE cs_stores (id TEXT PRIMARY KEY, city_code TEXT NOT NULL, doc JSONB NOT NULL, search TEXT NOT NULL);
  CREATE INDEX cs_stores_city ON cs_stores(city_code, id);
  CREATE TABLE cs_designs (id TEXT PRIMARY KEY, doc JSONB NOT NULL, created_at BIGINT NOT NULL);
  CREATE TABLE cs_prints (design_id TEXT NOT NULL, side TEXT NOT NULL, width_px INT NOT NULL, height_px INT NOT NULL, dpi INT NOT NULL, png_sha256 TEXT NOT NULL, PRIMARY KEY (design_id, side));
  CREATE TABLE cs_checkouts (
    id TEXT PRIMARY KEY,
    store_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    address JSONB NOT NULL,
    total BIGINT NOT NULL CHECK (total >= 0),
    currency TEXT NOT NULL,
    pay_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (store_id, key)
  );
  CREATE TABLE cs_lines (
    order_id TEXT PRIMARY KEY,
    checkout_id TEXT NOT NULL REFERENCES cs_checkouts(id),
    store_id TEXT NOT NULL,
    line_no INT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('stock', 'custom')),
    design_id TEXT,
    produced_at BIGINT,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX cs_lines_checkout ON cs_lines(checkout_id, line_no);
  CREATE INDEX cs_lines_store ON cs_lines(store_id, created_at);
  CREATE INDEX cs_lines_kind ON cs_lines(kind, created_at);
  CREATE INDEX cs_lines_created ON cs_lines(created_at);
  CREATE TABLE cs_timeline (order_id TEXT NOT NULL, status TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (order_id, status));
  `,
];
