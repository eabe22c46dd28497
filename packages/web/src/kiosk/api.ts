import type { DESIGN_LIMITS, GarmentTemplate, KioskCheckout, LocalizedText, Product, SavedDesign, StoreRecord, CheckoutRequest, DeliveryEstimate } from '@snowstage/protocol';
import { api, ApiError } from '../shared/api.js';

export interface ClipartInfo {
  id: string;
  name: LocalizedText;
  tags: string[];
  url: string;
}

export interface CloudConfig {
  templates: GarmentTemplate[];
  clipart: ClipartInfo[];
  limits: typeof DESIGN_LIMITS;
  fonts: { regular: string; bold: string };
}

export interface UploadedImage {
  id: string;
  type: string;
  width: number;
  height: number;
  url: string;
  maxPrintMm: { w: number; h: number };
}

/** The Cloud Store HTTP API as the kiosk and tracking pages use it. */
export const cloud = {
  config: () => api<CloudConfig>('/api/cloudstore/config'),
  shelf: () => api<{ products: Product[] }>('/api/cloudstore/shelf').then((r) => r.products),
  product: (id: string) => api<{ product: Product }>(`/api/cloudstore/products/${id}`).then((r) => r.product),
  store: (id: string) => api<{ store: StoreRecord }>(`/api/cloudstore/stores/${id}`).then((r) => r.store),
  stores: (q: string, limit = 8) => api<{ stores: StoreRecord[]; total: number }>(`/api/cloudstore/stores?limit=${limit}&q=${encodeURIComponent(q)}`),
  saveDesign: (doc: unknown, lang: string) => api<{ design: SavedDesign & { clamped: number } }>('/api/cloudstore/designs', { method: 'POST', body: doc, lang }).then((r) => r.design),
  estimate: (city: string, custom: boolean) => api<{ estimate: DeliveryEstimate }>(`/api/cloudstore/estimate?city=${encodeURIComponent(city)}&custom=${custom ? 1 : 0}`).then((r) => r.estimate),
  checkout: (req: CheckoutRequest, lang: string) => api<{ checkout: KioskCheckout; replayed: boolean }>('/api/cloudstore/checkouts', { method: 'POST', body: req, lang }),
  track: (id: string) => api<{ checkout: KioskCheckout }>(`/api/cloudstore/checkouts/${id}`).then((r) => r.checkout),
  pay: (id: string, token: string, lang: string) => api<{ checkout: KioskCheckout }>(`/api/cloudstore/checkouts/${id}/pay`, { method: 'POST', body: { token }, lang }).then((r) => r.checkout),

  /** Sends a file as raw bytes with its own content type (the server checks type, size and content). */
  async upload(file: Blob, lang: string): Promise<UploadedImage> {
    const res = await fetch('/api/cloudstore/uploads', { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream', 'accept-language': lang } });
    const json = (await res.json().catch(() => ({}))) as { image?: UploadedImage; error?: { code: string; message: string; detail?: string } };
    if (!res.ok || !json.image) throw new ApiError(json.error?.code ?? `HTTP_${res.status}`, json.error?.message ?? res.statusText, res.status, json.error?.detail);
    return json.image;
  },
};
