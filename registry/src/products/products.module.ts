import { Module } from '@nestjs/common';
import { CatalogService } from './catalog.service.js';
import { ProductViewService } from './product-view.service.js';
import { ProductsController } from './products.controller.js';
import { PublishPipeline } from './publish/publish.pipeline.js';

@Module({
  controllers: [ProductsController],
  providers: [PublishPipeline, CatalogService, ProductViewService],
  exports: [PublishPipeline, CatalogService],
})
export class ProductsModule {}
