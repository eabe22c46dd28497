import type { RoomHub } from '../room/hub.js';
import { HostRuntime, type HostRuntimeOptions, type VoicePort } from './host-runtime.js';

/** One host runtime per room on this node, made on first use. */
export class HostRegistry {
  private readonly hosts = new Map<string, Promise<HostRuntime>>();

  constructor(
    private readonly hub: RoomHub,
    private readonly voice: VoicePort,
    private readonly now: () => number,
    private readonly opts: HostRuntimeOptions = {},
  ) {}

  get(roomId: string): Promise<HostRuntime> {
    let h = this.hosts.get(roomId);
    if (!h) {
      h = this.hub.get(roomId).then((room) => new HostRuntime(room, this.voice, this.now, this.opts));
      h.catch(() => this.hosts.delete(roomId));
      this.hosts.set(roomId, h);
    }
    return h;
  }
}
