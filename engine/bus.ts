/**
 * The in-process event bus. The engine publishes each domain event once,
 * in order; a listener that throws is reported and never stops the others
 * or the engine.
 */
import type { DomainEvent } from './events.js';
import type { Logger } from './logger.js';

export type Listener = (event: DomainEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly logger: Logger) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: DomainEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.logger.error({ err, type: event.type }, 'event listener failed');
      }
    }
  }
}
