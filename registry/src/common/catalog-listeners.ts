import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/**
 * What a read model of the catalog (discovery's search index) hears of changes
 * made outside the publish pipeline, inside the transaction that makes them,
 * so the model never disagrees with the tables it was built from. The context
 * that changes the data calls it through CatalogListeners without knowing who
 * listens: the dependency stays reader → writer (discovery → sla, products).
 */
export interface CatalogListener {
  /** An observation was stored for a port (its SLA status from now on may differ). */
  portObserved(tx: EntityManager, productId: string, port: string): Promise<void>;
  /** A major line changed lifecycle state (deprecated or retired). */
  majorLineChanged(tx: EntityManager, productId: string): Promise<void>;
}

/** Marks a provider as a catalog listener; CatalogListeners finds it at start-up. */
export const AsCatalogListener = DiscoveryService.createDecorator<void>();

/** Calls every registered listener in turn (none when no read model is loaded, e.g. in service tests without discovery). */
@Injectable()
export class CatalogListeners implements OnModuleInit {
  private listeners: CatalogListener[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.listeners = this.discovery
      .getProviders({ metadataKey: AsCatalogListener.KEY })
      .map((w) => w.instance as CatalogListener)
      .filter(Boolean);
  }

  async portObserved(tx: EntityManager, productId: string, port: string): Promise<void> {
    for (const l of this.listeners) await l.portObserved(tx, productId, port);
  }

  async majorLineChanged(tx: EntityManager, productId: string): Promise<void> {
    for (const l of this.listeners) await l.majorLineChanged(tx, productId);
  }
}

@Module({ imports: [DiscoveryModule], providers: [CatalogListeners], exports: [CatalogListeners] })
export class CatalogListenersModule {}
