import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProductSummaryDto } from './catalog.dto.js';

// REST shapes of search (the GraphQL `search` and `fields` with lowercase values).

export class MatchedFieldDto {
  @ApiProperty({ description: 'The output port.' }) port!: string;
  @ApiProperty({ description: 'Dotted path of the field.' }) path!: string;
}

export class SearchMatchDto {
  @ApiProperty({ description: 'Relevance score it was ranked by (0 in other sort orders).' }) score!: number;
  @ApiProperty({
    type: [String],
    enum: ['name', 'tags', 'description', 'fields'],
    description: 'Parts of the product with a searched word.',
  })
  sections!: string[];
  @ApiPropertyOptional({
    description: 'The description around the searched words, each marked as «word».',
  })
  snippet?: string;
  @ApiProperty({ type: [MatchedFieldDto], description: 'Up to three fields with a searched word.' })
  fields!: MatchedFieldDto[];
}

export class SearchHitDto extends ProductSummaryDto {
  @ApiProperty({
    enum: ['active', 'deprecated', 'retired'],
    description: "Lifecycle of the latest version's major line.",
  })
  status!: string;
  @ApiProperty({
    enum: ['met', 'at_risk', 'breached', 'unknown'],
    description: 'SLA status now: the worst of its latest ports.',
  })
  slaStatus!: string;
  @ApiProperty({ description: 'Products whose latest version reads one of its ports.' }) consumers!: number;
  @ApiProperty({ type: SearchMatchDto, description: 'Why it matched.' }) match!: SearchMatchDto;
}

export class FacetCountDto {
  @ApiProperty() value!: string;
  @ApiProperty() count!: number;
}

export class SearchFacetsDto {
  @ApiProperty({ type: [FacetCountDto] }) domain!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) tag!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) owner!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) classification!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) status!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) tier!: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) slaStatus!: FacetCountDto[];
}

export class ProductPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items!: SearchHitDto[];
  @ApiProperty({ description: 'Matches over all pages.' }) totalCount!: number;
  @ApiPropertyOptional({ description: 'Pass as ?after= for the next page.' }) nextCursor?: string;
  @ApiPropertyOptional({ description: 'When no product had the typed words: the similar known words searched for.' })
  correctedQuery?: string;
  @ApiPropertyOptional({ type: SearchFacetsDto, description: 'With ?facets=true: counts per value (top 20).' })
  facets?: SearchFacetsDto;
}

export class FieldHitDto {
  @ApiProperty({ example: 'sales.orders' }) product!: string;
  @ApiProperty() port!: string;
  @ApiProperty({ example: 'customer_id' }) path!: string;
  @ApiPropertyOptional() type?: string;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional({ example: 'pii' }) classification?: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ enum: ['name', 'prefix', 'similar', 'description'] }) match!: string;
}

export class FieldPageDto {
  @ApiProperty({ type: [FieldHitDto] }) items!: FieldHitDto[];
  @ApiProperty({ description: 'Matching fields, counted up to 1000 (1001 means more).' }) totalCount!: number;
  @ApiPropertyOptional({ description: 'Pass as ?after= for the next page.' }) nextCursor?: string;
}
