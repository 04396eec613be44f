import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module.js';
import { OutputPortResolver, ProductResolver, ProductVersionResolver } from './discovery.resolver.js';

@Module({ imports: [ProductsModule], providers: [ProductResolver, ProductVersionResolver, OutputPortResolver] })
export class DiscoveryModule {}
